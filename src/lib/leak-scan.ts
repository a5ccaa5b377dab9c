/**
 * The build's self-check: no distinctive phrase of a gated plan may appear in any published file
 * outside the encrypted payloads. Pure: the caller reads the files.
 *
 * What counts as a phrase (README, "Security model"): a text value of the plan of at least
 * MIN_LENGTH characters that is
 * - an identity (the buyer's name, a person's name, email or phone), or
 * - free text of at least two words (titles, notes, objectives, criteria, roles, risks, check-ins,
 *   the start of each long line of the body),
 * and is not the product's own wording (see leak-vocabulary.ts), not the seller's name (the shell
 * shows it on purpose) and not published by a public plan.
 *
 * Where it is looked for: every published file, by content and by path, except that the site's own
 * code and styles (JS, CSS, fonts and wasm under `_astro/`, the gate loader and the search runtime
 * under `_mapsite/`) are looked at for identities only. They are built from the sources, not from
 * plans; ordinary words of a plan ("Decision") turn up in class names and libraries by chance,
 * while a script that did carry a plan's data would carry its buyer and people by name.
 */
import type { Plan } from '../schema/plan.ts';
import { NO_VOCABULARY, normalizePhrase, type Vocabulary } from './leak-vocabulary.ts';

/** Identities are looked for everywhere; free text everywhere but the site's own code. */
export type SentinelKind = 'identity' | 'text';

/** A phrase that must not be published, and where in which plan it comes from. */
export interface Sentinel {
	text: string;
	slug: string;
	/** The plan file, e.g. `plans/acme.mdx`. */
	file: string;
	/** The field, e.g. `actions[3].title (action "security-review")`. */
	field: string;
	kind: SentinelKind;
}

/** A published file's path (relative, forward slashes) and bytes. */
export interface PublishedFile {
	path: string;
	bytes: Uint8Array;
}

/** A published file that would reveal a gated plan: by a phrase in it or its path, or by its path naming the plan. */
export type Leak = { path: string; sentinel: Sentinel; inPath: boolean } | { path: string; slug: string };

/** A plan as the scan needs it. */
export interface PlanToScan {
	slug: string;
	plan: Plan;
	body: string;
	/** The plan file as the rep knows it; default `plans/<slug>.mdx`. */
	file?: string;
}

/** Shorter strings (ids, "Done") would match generic words; the scan looks for real phrases. */
const MIN_LENGTH = 8;

type Candidate = [text: string | undefined, field: string, kind: SentinelKind];

function listCandidates(plan: Plan, body: string): Candidate[] {
	const named = (kind: string, id: string) => ` (${kind} "${id}")`;
	return [
		[plan.title, 'title', 'text'],
		[plan.share.preview === 'named' ? undefined : plan.buyer.name, 'buyer.name', 'identity'],
		[plan.objective.shared, 'objective.shared', 'text'],
		[plan.objective.buyer, 'objective.buyer', 'text'],
		[plan.objective.seller, 'objective.seller', 'text'],
		...plan.successCriteria.map((text, i): Candidate => [text, `successCriteria[${i}]`, 'text']),
		...plan.stakeholders.flatMap((person, i): Candidate[] => {
			const at = `stakeholders[${i}]`;
			const who = named('person', person.id);
			return [
				[person.name, `${at}.name${who}`, 'identity'],
				[person.email, `${at}.email${who}`, 'identity'],
				[person.phone, `${at}.phone${who}`, 'identity'],
				[person.role, `${at}.role${who}`, 'text'],
				[person.availability, `${at}.availability${who}`, 'text'],
			];
		}),
		...plan.milestones.flatMap((milestone, i): Candidate[] => [
			[milestone.title, `milestones[${i}].title${named('milestone', milestone.id)}`, 'text'],
			[milestone.description, `milestones[${i}].description${named('milestone', milestone.id)}`, 'text'],
		]),
		...plan.actions.flatMap((action, i): Candidate[] => [
			[action.title, `actions[${i}].title${named('action', action.id)}`, 'text'],
			[action.notes, `actions[${i}].notes${named('action', action.id)}`, 'text'],
			...action.dateChanges.map((change, j): Candidate => [change.reason, `actions[${i}].dateChanges[${j}].reason${named('action', action.id)}`, 'text']),
		]),
		...plan.risks.flatMap((risk, i): Candidate[] => [
			[risk.title, `risks[${i}].title${named('risk', risk.id)}`, 'text'],
			[risk.mitigation, `risks[${i}].mitigation${named('risk', risk.id)}`, 'text'],
		]),
		...plan.checkins.flatMap((checkin, i): Candidate[] => [
			[checkin.summary, `checkins[${i}].summary (check-in of ${checkin.date})`, 'text'],
			...checkin.decisions.map((text, j): Candidate => [text, `checkins[${i}].decisions[${j}] (check-in of ${checkin.date})`, 'text']),
		]),
		...body.split('\n').flatMap((line, i): Candidate[] => {
			const text = line.replace(/[*_`#>]/g, '').trim();
			return text.length >= 30 && !text.startsWith('<') ? [[text.slice(0, 40), `body, line ${i + 1} below the frontmatter`, 'text']] : [];
		}),
	];
}

/** True when a text is distinctive enough to be a sentinel; see the module comment. */
export function isDistinctivePhrase(text: string, kind: SentinelKind, vocabulary: Vocabulary = NO_VOCABULARY): boolean {
	if (text.length < MIN_LENGTH) return false;
	const words = normalizePhrase(text);
	if (words === '') return false;
	if (kind === 'text' && !words.includes(' ')) return false;
	return !vocabulary.has(text);
}

/**
 * Every distinctive phrase of a plan (see the module comment), each once, with the first field it
 * appears in. The buyer's name is left out when the plan chose `share.preview: named`, which
 * publishes it in link previews on purpose.
 */
export function collectSentinels(slug: string, plan: Plan, body: string, options: { file?: string; vocabulary?: Vocabulary } = {}): Sentinel[] {
	const file = options.file ?? `plans/${slug}.mdx`;
	const seller = normalizePhrase(plan.seller.name);
	const seen = new Map<string, Sentinel>();
	for (const [raw, field, kind] of listCandidates(plan, body)) {
		const text = raw?.trim().replace(/\s+/g, ' ');
		if (!text || !isDistinctivePhrase(text, kind, options.vocabulary) || normalizePhrase(text) === seller) continue;
		const key = text.toLowerCase();
		const earlier = seen.get(key);
		if (!earlier) seen.set(key, { text, slug, file, field, kind });
		// A phrase that is someone's name somewhere is an identity wherever else it appears.
		else if (kind === 'identity') earlier.kind = 'identity';
	}
	return [...seen.values()];
}

/**
 * The phrases of gated plans that the site must not show: every sentinel of a gated plan except
 * those a public plan publishes itself (a seller's staff, a shared action title), which are public
 * by that plan's choice and would otherwise make the scan refuse a legitimate public page.
 */
export function collectGatedSentinels(plans: readonly PlanToScan[], vocabulary: Vocabulary = NO_VOCABULARY): Sentinel[] {
	const collect = ({ slug, plan, body, file }: PlanToScan) => collectSentinels(slug, plan, body, { file, vocabulary });
	const published = new Set(
		plans.filter(({ plan }) => plan.access === 'public').flatMap((entry) => collect(entry).map((sentinel) => sentinel.text.toLowerCase())),
	);
	return plans
		.filter(({ plan }) => plan.access === 'gated')
		.flatMap(collect)
		.filter((sentinel) => !published.has(sentinel.text.toLowerCase()));
}

/** True for the site's own code and styles, built from the sources: scanned for identities only. */
export function isSiteCode(path: string): boolean {
	if (/^_astro\/.+\.(?:js|mjs|css|woff2?|ttf|otf|eot|wasm)$/i.test(path)) return true;
	if (/^_mapsite\/[^/]+\.(?:js|mjs)$/i.test(path)) return true;
	return path.startsWith('_mapsite/pagefind/');
}

// The same phrase as it may appear escaped in HTML or JSON.
function spellings(text: string): string[] {
	const html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	return [...new Set([text, html, html.replace(/'/g, '&#39;'), html.replace(/'/g, '&#x27;'), JSON.stringify(text).slice(1, -1)])];
}

// Formats worth trying on a file: text types are read as they are, gzip and zlib announce themselves.
function compressionsToTry(path: string, bytes: Uint8Array): CompressionFormat[] {
	if (/\.(?:html|css|js|mjs|json|svg|txt|xml|ics|md)$/i.test(path)) return [];
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) return ['gzip'];
	if (bytes[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(bytes[1])) return ['deflate', 'deflate-raw'];
	return ['deflate-raw'];
}

async function decompress(bytes: Uint8Array, format: CompressionFormat): Promise<Uint8Array | undefined> {
	try {
		const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(format));
		return new Uint8Array(await new Response(stream).arrayBuffer());
	} catch {
		return undefined;
	}
}

// PNG text chunks: tEXt is plain and read as is; zTXt and compressed iTXt hold zlib data.
function findPngTextStreams(bytes: Uint8Array): Uint8Array[] {
	const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 8 || PNG.some((byte, at) => bytes[at] !== byte)) return [];
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const streams: Uint8Array[] = [];
	for (let at = 8; at + 12 <= bytes.length; ) {
		const length = view.getUint32(at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		const data = bytes.subarray(at + 8, Math.min(at + 8 + length, bytes.length));
		const keywordEnd = data.indexOf(0);
		if (type === 'zTXt' && keywordEnd >= 0) streams.push(data.subarray(keywordEnd + 2));
		if (type === 'iTXt' && keywordEnd >= 0 && data[keywordEnd + 1] === 1) {
			// Keyword, flags, then language and translated keyword, each ended by a zero byte.
			const languageEnd = data.indexOf(0, keywordEnd + 3);
			const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
			if (translatedEnd >= 0) streams.push(data.subarray(translatedEnd + 1));
		}
		at += 12 + length;
	}
	return streams;
}

async function decompressAll(path: string, bytes: Uint8Array): Promise<Uint8Array[]> {
	const found: Uint8Array[] = [bytes];
	const formats = compressionsToTry(path, bytes);
	for (const format of formats) {
		const inflated = await decompress(bytes, format);
		if (inflated) found.push(inflated);
	}
	if (formats.length === 0) return found;
	// Some formats (Pagefind's) put a short signature before gzip data.
	for (let at = 1; at < Math.min(64, bytes.length - 1); at++) {
		if (bytes[at] !== 0x1f || bytes[at + 1] !== 0x8b) continue;
		const inflated = await decompress(bytes.subarray(at), 'gzip');
		if (inflated) found.push(inflated);
		break;
	}
	for (const stream of findPngTextStreams(bytes)) {
		const inflated = await decompress(stream, 'deflate');
		if (inflated) found.push(inflated);
	}
	return found;
}

/** Phrases indexed by their first PREFIX characters, so a file is read once however many phrases there are. */
interface PhraseIndex {
	byPrefix: Map<string, { spelling: string; sentinel: Sentinel }[]>;
	/** Which pairs of first UTF-16 code units start some phrase: a cheap test before slicing. */
	starts: Uint8Array;
}

const PREFIX = MIN_LENGTH;

const pairOf = (text: string, at: number) => ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff);

// How a phrase may be spelled in a file name: `Acme Corp` as `acme-corp`.
const pathSpelling = (text: string) => normalizePhrase(text).replace(/ /g, '-');

function indexSentinels(sentinels: readonly Sentinel[], spell: (text: string) => string[]): PhraseIndex {
	const byPrefix = new Map<string, { spelling: string; sentinel: Sentinel }[]>();
	const starts = new Uint8Array(1 << 16);
	for (const sentinel of sentinels) {
		for (const spelling of spell(sentinel.text)) {
			const lower = spelling.toLowerCase();
			if (lower.length < PREFIX) continue;
			const prefix = lower.slice(0, PREFIX);
			const list = byPrefix.get(prefix);
			if (list) list.push({ spelling: lower, sentinel });
			else byPrefix.set(prefix, [{ spelling: lower, sentinel }]);
			starts[pairOf(lower, 0)] = 1;
		}
	}
	return { byPrefix, starts };
}

// Slides a PREFIX-wide window over the text and checks only the phrases that start there.
function findPhrases(lower: string, index: PhraseIndex): Sentinel[] {
	const found = new Set<Sentinel>();
	for (let at = 0; at + PREFIX <= lower.length; at++) {
		if (index.starts[pairOf(lower, at)] === 0) continue;
		const candidates = index.byPrefix.get(lower.slice(at, at + PREFIX));
		if (!candidates) continue;
		for (const { spelling, sentinel } of candidates) {
			if (lower.startsWith(spelling, at)) found.add(sentinel);
		}
	}
	return [...found];
}

/**
 * Every way a published file would reveal a gated plan: a sentinel in its bytes (decompressing where
 * it can; the site's own code is checked for identities only), a sentinel spelled in its path, or a
 * path naming a gated slug. Each file and phrase once.
 */
export async function findLeaks(files: readonly PublishedFile[], sentinels: readonly Sentinel[], slugs: readonly string[]): Promise<Leak[]> {
	const leaks: Leak[] = [];
	const decoder = new TextDecoder();
	const everything = indexSentinels(sentinels, spellings);
	const identities = indexSentinels(sentinels.filter((sentinel) => sentinel.kind === 'identity'), spellings);
	const paths = indexSentinels(sentinels, (text) => [text, pathSpelling(text)]);
	for (const file of files) {
		const path = file.path.toLowerCase();
		const parts = path.split('/');
		for (const slug of slugs) {
			if (parts.some((part) => part.includes(slug.toLowerCase()))) leaks.push({ path: file.path, slug });
		}
		const found = new Set<Sentinel>();
		for (const sentinel of findPhrases(path, paths)) {
			found.add(sentinel);
			leaks.push({ path: file.path, sentinel, inPath: true });
		}
		const index = isSiteCode(file.path) ? identities : everything;
		for (const bytes of await decompressAll(file.path, file.bytes)) {
			// Sentinels have single spaces (collectSentinels); a page may keep a plan text's line breaks.
			const text = decoder.decode(bytes).toLowerCase().replace(/\s+/g, ' ');
			for (const sentinel of findPhrases(text, index)) {
				if (found.has(sentinel)) continue;
				found.add(sentinel);
				leaks.push({ path: file.path, sentinel, inPath: false });
			}
		}
	}
	return leaks;
}

/** One line per leak: the published file, the phrase, and the plan file and field it came from. */
export function formatLeak(leak: Leak): string {
	if ('slug' in leak) return `${leak.path}: its path names the plan "${leak.slug}" (plans/${leak.slug}.mdx)`;
	const { text, file, field } = leak.sentinel;
	return `${leak.path}: ${leak.inPath ? 'its name spells' : 'contains'} "${text}" from ${file}, ${field}`;
}
