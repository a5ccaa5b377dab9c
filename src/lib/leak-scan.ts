/**
 * The build's self-check: no text from a gated plan may appear in any published file outside the
 * encrypted payloads. Pure: the caller reads the files.
 */
import type { Plan } from '../schema/plan.ts';

/** A phrase that must not be published, and the plan it comes from. */
export interface Sentinel {
	text: string;
	slug: string;
}

/** A published file's path (relative, forward slashes) and bytes. */
export interface PublishedFile {
	path: string;
	bytes: Uint8Array;
}

/** Shorter strings (ids, "Done") would match generic words; the scan looks for real phrases. */
const MIN_LENGTH = 8;

/**
 * Every phrase of a plan that identifies the deal: names, titles, notes, people, risks; not the
 * seller's brand, and not the buyer's name when the plan chose `share.preview: named`, which
 * publishes it in link previews on purpose.
 */
export function collectSentinels(slug: string, plan: Plan, body: string): Sentinel[] {
	const texts = [
		plan.title,
		plan.share.preview === 'named' ? undefined : plan.buyer.name,
		plan.objective.shared,
		plan.objective.buyer,
		plan.objective.seller,
		...plan.successCriteria,
		...plan.stakeholders.flatMap((person) => [person.name, person.role, person.email, person.phone, person.availability]),
		...plan.milestones.flatMap((milestone) => [milestone.title, milestone.description]),
		...plan.actions.flatMap((action) => [action.title, action.notes, ...action.dateChanges.map((change) => change.reason)]),
		...plan.risks.flatMap((risk) => [risk.title, risk.mitigation]),
		...plan.checkins.flatMap((checkin) => [checkin.summary, ...checkin.decisions]),
		...body
			.split('\n')
			.map((line) => line.replace(/[*_`#>]/g, '').trim())
			.filter((line) => line.length >= 30 && !line.startsWith('<'))
			.map((line) => line.slice(0, 40)),
	];
	const unique = new Set(texts.filter((text): text is string => typeof text === 'string' && text.trim().length >= MIN_LENGTH));
	return [...unique].map((text) => ({ text: text.trim(), slug }));
}

/**
 * The phrases of gated plans that the site must not show: every sentinel of a gated plan except
 * those a public plan publishes itself (a seller's staff, a shared action title), which are public
 * by that plan's choice and would otherwise make the scan refuse a legitimate public page.
 */
export function collectGatedSentinels(plans: readonly { slug: string; plan: Plan; body: string }[]): Sentinel[] {
	const published = new Set(
		plans.filter(({ plan }) => plan.access === 'public').flatMap(({ slug, plan, body }) => collectSentinels(slug, plan, body).map((sentinel) => sentinel.text.toLowerCase())),
	);
	return plans
		.filter(({ plan }) => plan.access === 'gated')
		.flatMap(({ slug, plan, body }) => collectSentinels(slug, plan, body))
		.filter((sentinel) => !published.has(sentinel.text.toLowerCase()));
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

async function decompressAll(path: string, bytes: Uint8Array): Promise<Uint8Array[]> {
	const found: Uint8Array[] = [bytes];
	for (const format of compressionsToTry(path, bytes)) {
		try {
			const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(format));
			found.push(new Uint8Array(await new Response(stream).arrayBuffer()));
		} catch {
			// Not that format.
		}
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

function indexSentinels(sentinels: readonly Sentinel[]): PhraseIndex {
	const byPrefix = new Map<string, { spelling: string; sentinel: Sentinel }[]>();
	const starts = new Uint8Array(1 << 16);
	for (const sentinel of sentinels) {
		for (const spelling of spellings(sentinel.text)) {
			const lower = spelling.toLowerCase();
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

/** Every published file that contains a sentinel (decompressing where it can) or whose path names a gated slug. */
export async function findLeaks(files: readonly PublishedFile[], sentinels: readonly Sentinel[], slugs: readonly string[]): Promise<string[]> {
	const leaks: string[] = [];
	const decoder = new TextDecoder();
	const index = indexSentinels(sentinels);
	for (const file of files) {
		const parts = file.path.toLowerCase().split('/');
		for (const slug of slugs) {
			if (parts.some((part) => part.includes(slug.toLowerCase()))) leaks.push(`${file.path}: its path names the plan "${slug}"`);
		}
		for (const bytes of await decompressAll(file.path, file.bytes)) {
			for (const sentinel of findPhrases(decoder.decode(bytes).toLowerCase(), index)) {
				leaks.push(`${file.path}: contains "${sentinel.text}" from plans/${sentinel.slug}.mdx`);
			}
		}
	}
	return [...new Set(leaks)];
}
