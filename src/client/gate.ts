/** The gate loader: unlocks a shell page with the password, a share link or a stored key, then decrypts and shows its content. */

import {
	buildFileAad,
	buildShareFragment,
	decodeUtf8,
	decryptFile,
	GateError,
	importContentKey,
	readShareFragment,
	unwrapContentKey,
} from '../lib/crypto/index.ts';
import { computeRetryDelayMs } from '../lib/gate/retry-delay.ts';
import { ENGLISH_GATE_LABELS, type GateMessages } from '../lib/gate/labels.ts';
import { GATE_MANIFEST_ID, GATE_MESSAGES_ID, parseGateManifest, type GateManifest } from '../lib/gate/manifest.ts';
import { FILES_ARCHIVE, PUBLIC_DEAL_ID, PUBLIC_FILES_ARCHIVE, PUBLIC_SEARCH_ARCHIVE, SEARCH_ARCHIVE } from '../lib/gate/archives.ts';
import { clearStoredKey, readStoredKey, storeKey } from './key-store.ts';
import { enhancePage } from './enhance.ts';

/** Where a key came from decides what a failed decrypt means and whether the form is offered again. */
type KeySource = 'password' | 'link' | 'stored';

const status = document.getElementById('mapsite-gate-status');
const form = document.getElementById('mapsite-gate-form') as HTMLFormElement | null;
const messages = readMessages();
const NOTICE_MS = 8_000;
let noticeTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
let waitUntil = 0;

void start();

async function start(): Promise<void> {
	const publicDeal = document.getElementById(PUBLIC_DEAL_ID);
	if (publicDeal !== null) {
		startPublic(publicDeal.textContent ?? '');
		return;
	}
	if (!window.isSecureContext || !globalThis.crypto?.subtle) {
		say(messages.insecureContext, 'error');
		return;
	}
	let manifest: GateManifest;
	try {
		manifest = parseGateManifest(document.getElementById(GATE_MANIFEST_ID)?.textContent ?? '');
	} catch {
		say(messages.badFormat, 'error');
		return;
	}
	const linkKey = readShareFragment(location.hash);
	if (location.hash.startsWith('#k=') || linkKey !== undefined) {
		// The key must not linger in the address bar, history or a copied URL.
		history.replaceState(history.state, '', location.pathname + location.search);
	}
	if (linkKey !== undefined) {
		if (await openWithKey(manifest, await toKey(linkKey), 'link', false)) return;
	} else {
		const stored = await readStoredKey(manifest.dealId);
		if (stored !== undefined && (await openWithKey(manifest, { key: stored }, 'stored', false))) return;
	}
	showForm(manifest);
}

function showForm(manifest: GateManifest): void {
	if (form === null) return;
	form.hidden = false;
	// Typing again clears the red state of a wrong password; the message stays until the next try.
	form.addEventListener('input', () => markInvalid(form, false));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void submit(manifest, form);
	});
	form.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
}

async function submit(manifest: GateManifest, target: HTMLFormElement): Promise<void> {
	const button = target.querySelector('button');
	const remaining = waitUntil - Date.now();
	if (remaining > 0) {
		say(describeWait(remaining), 'error');
		return;
	}
	const data = new FormData(target);
	const password = String(data.get('password') ?? '');
	if (password === '') return;
	if (button) button.disabled = true;
	say(messages.unlocking);
	try {
		const started = performance.now();
		const raw = await unwrapContentKey(password, manifest.wrappedKey, manifest.dealId);
		// Measures let a visitor's devtools (and the e2e test) see what PBKDF2 costs on real devices.
		performance.measure('mapsite:unwrap', { start: started });
		failures = 0;
		await openWithKey(manifest, await toKey(raw), 'password', data.get('remember') !== null);
	} catch (error) {
		if (error instanceof GateError && error.code === 'wrong-password') {
			failures += 1;
			const delay = computeRetryDelayMs(failures);
			waitUntil = Date.now() + delay;
			say(delay > 0 ? `${messages.wrongPassword} ${describeWait(delay)}` : messages.wrongPassword, 'error');
			markInvalid(target, true);
		} else {
			say(describeError(error), 'error');
		}
	} finally {
		if (button) button.disabled = false;
	}
}

/**
 * A content key as the loader holds it: always a non-extractable CryptoKey, and the raw bytes only
 * on the page where the visitor typed the password or opened a share link (for copying a share link).
 */
interface HeldKey {
	key: CryptoKey;
	raw?: Uint8Array<ArrayBuffer>;
}

async function toKey(raw: Uint8Array<ArrayBuffer>): Promise<HeldKey> {
	return { key: await importContentKey(raw), raw };
}

/** Decrypts and shows the page; returns false (with a message) when this key cannot open it. */
async function openWithKey(manifest: GateManifest, held: HeldKey, source: KeySource, remember: boolean): Promise<boolean> {
	const started = performance.now();
	let html: string;
	try {
		// Same request as the shell's preload, so the payload is usually here before this script runs.
		const response = await fetch(manifest.payload, { credentials: 'same-origin' });
		if (!response.ok) throw new TypeError(`HTTP ${response.status}`);
		html = decodeUtf8(await decryptFile(held.key, new Uint8Array(await response.arrayBuffer()), buildFileAad(manifest.dealId, manifest.buildId, manifest.aad)));
	} catch (error) {
		// Only a password-unwrapped key is known to be right; a link or stored key that fails may just be old or for another deal.
		const isKeyRefused = error instanceof GateError && error.code === 'auth-failed';
		// A stored key is dropped only when the file refuses it, never because the network is down.
		if (source === 'stored' && error instanceof GateError) await clearStoredKey(manifest.dealId);
		if (source === 'link' && isKeyRefused) say(messages.linkKeyFailed, 'error');
		else if (source === 'stored' && isKeyRefused) say('');
		else say(describeError(error), 'error');
		return false;
	}
	// The split tells the benchmark whether a slow open is crypto and network or the page's own wiring.
	performance.measure('mapsite:decrypt', { start: started });
	// Stored before showing, so a link followed at once finds the key (a few milliseconds).
	if (source !== 'stored' && held.raw) await storeKey(manifest.dealId, held.raw, remember);
	showContent(html, manifest, held);
	performance.measure('mapsite:open', { start: started });
	return true;
}

function showContent(html: string, manifest: GateManifest, held: HeldKey): void {
	const content = document.querySelector<HTMLElement>('mapsite-content');
	if (content === null) return;
	// Template parsing leaves scripts inert, so markup inside the payload cannot run code.
	const template = document.createElement('template');
	template.innerHTML = html;
	const root = template.content.firstElementChild;
	const title = root?.getAttribute('data-title');
	if (title) document.title = title;
	// The build may hand over the whole <mapsite-content> element; unwrap it rather than nest it.
	if (root?.localName === 'mapsite-content' && template.content.childElementCount === 1) content.replaceChildren(...root.childNodes);
	else content.replaceChildren(template.content);
	content.hidden = false;
	removeGate();
	say('');
	revealCurrentNavLink(content);
	wireControls(content, manifest, held);
	const base = findDealBase(manifest.dealId);
	const fetchDecrypted = async (name: string): Promise<Uint8Array> => {
		const response = await fetch(`${base}${name}`, { cache: 'no-cache', credentials: 'same-origin' });
		if (!response.ok) throw new TypeError(`HTTP ${response.status}`);
		return decryptFile(held.key, new Uint8Array(await response.arrayBuffer()), buildFileAad(manifest.dealId, manifest.buildId, name));
	};
	enhancePage(content, {
		basePath: base,
		loadFiles: () => fetchDecrypted(FILES_ARCHIVE),
		loadSearch: () => fetchDecrypted(SEARCH_ARCHIVE),
		say,
		fileFailed: messages.fileFailed,
	});
}

/** A public deal's page is readable as published; it only needs the page's behaviour. */
function startPublic(dealId: string): void {
	const content = document.querySelector('mapsite-content');
	if (content === null) return;
	const base = findDealBase(dealId.trim());
	revealCurrentNavLink(content);
	const fetchPlain = async (name: string): Promise<Uint8Array> => {
		const response = await fetch(`${base}${name}`, { cache: 'no-cache' });
		if (!response.ok) throw new TypeError(`HTTP ${response.status}`);
		return new Uint8Array(await response.arrayBuffer());
	};
	enhancePage(content, { basePath: base, loadFiles: () => fetchPlain(PUBLIC_FILES_ARCHIVE), loadSearch: () => fetchPlain(PUBLIC_SEARCH_ARCHIVE), say, fileFailed: messages.fileFailed });
}

// The deal's root folder as served, which may sit under a sub-path of the host (e.g. GitHub project pages).
function findDealBase(dealId: string): string {
	const marker = `/${dealId}/`;
	const at = location.pathname.indexOf(marker);
	return at >= 0 ? location.pathname.slice(0, at + marker.length) : marker;
}

function wireControls(content: Element, manifest: GateManifest, held: HeldKey): void {
	content.addEventListener('click', (event) => {
		const target = event.target instanceof Element ? event.target : null;
		if (target?.closest('[data-mapsite-lock]')) {
			event.preventDefault();
			void clearStoredKey(manifest.dealId).then(() => location.reload());
		} else if (target?.closest('[data-mapsite-share]')) {
			event.preventDefault();
			// A stored key cannot be read back (that is the point), so only a page opened with the
			// password or a link can copy one.
			if (!held.raw) {
				say(messages.shareNeedsPassword, 'error');
				return;
			}
			const link = location.origin + location.pathname + buildShareFragment(held.raw);
			// navigator.clipboard is missing in some embedded browsers; report that like any refusal.
			(navigator.clipboard?.writeText(link) ?? Promise.reject(new Error('No clipboard'))).then(
				() => say(messages.shareCopied),
				() => say(messages.shareFailed, 'error'),
			);
		}
	});
}

/**
 * Takes the shell's banner and form out of the page, so the deal's own header and main are the
 * only landmarks; the live region stays, as a notice at the foot of the screen, for the messages
 * the page's controls still report (share link copied, file failed).
 */
function removeGate(): void {
	document.querySelector('.mapsite-gate-brand')?.remove();
	if (status) {
		status.className = 'mapsite-notice';
		document.body.append(status);
	}
	document.getElementById('mapsite-gate-main')?.remove();
	document.body.classList.remove('mapsite-gate-page');
	document.body.removeAttribute('style');
}

/**
 * On a phone the nav scrolls sideways; this brings the current page's link into view without moving
 * the page. It waits for the next frame: measuring at once would force a layout of the whole new page
 * that the page's own wiring then invalidates (30-60 ms on the plan page, the bulk of opening it).
 */
function revealCurrentNavLink(content: Element): void {
	const list = content.querySelector<HTMLElement>('[data-mapsite-nav]');
	const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
	if (!list || !current) return;
	requestAnimationFrame(() => {
		if (list.scrollWidth <= list.clientWidth) return;
		list.scrollLeft = current.offsetLeft - list.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
	});
}

function markInvalid(target: HTMLFormElement, invalid: boolean): void {
	const input = target.querySelector('input[type="password"]');
	if (invalid) input?.setAttribute('aria-invalid', 'true');
	else input?.removeAttribute('aria-invalid');
}

function describeWait(milliseconds: number): string {
	const seconds = Math.ceil(milliseconds / 1000);
	return seconds === 1 ? messages.waitOne : messages.wait.replace('{seconds}', String(seconds));
}

function describeError(error: unknown): string {
	if (error instanceof GateError) return error.code === 'auth-failed' ? messages.integrity : error.code === 'bad-format' ? messages.badFormat : messages.wrongPassword;
	return messages.network;
}

/** Writes `message` into the live region; an error is drawn in red with an icon, anything else plainly. */
function say(message: string, tone: 'error' | 'info' = 'info'): void {
	if (!status) return;
	status.textContent = message;
	status.dataset.tone = tone;
	// Once unlocked the region is a notice over the page; it steps aside after it has been read.
	clearTimeout(noticeTimer);
	if (message !== '' && status.className === 'mapsite-notice') noticeTimer = setTimeout(() => say(''), NOTICE_MS);
}

function readMessages(): GateMessages {
	try {
		return { ...ENGLISH_GATE_LABELS.messages, ...JSON.parse(document.getElementById(GATE_MESSAGES_ID)?.textContent ?? '{}') };
	} catch {
		return ENGLISH_GATE_LABELS.messages;
	}
}
