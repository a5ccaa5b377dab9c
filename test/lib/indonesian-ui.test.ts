/**
 * Every page of a deal whose plan says `locale: id` speaks Indonesian. The pages are rendered with
 * the Container API for each example plan switched to Indonesian; the plan's own words (titles,
 * names, notes) are cut out, and what remains must hold no English word of the site's UI.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { createComponent, render } from 'astro/runtime/server/index.js';
import { describe, expect, test, vi } from 'vitest';
import { en } from '../../src/i18n/messages/en.ts';
import { checkPlanSources } from '../../src/lib/check/index.ts';
import { loadPlans } from '../../src/node/load-plans.ts';
import StatusBadge from '../../src/components/StatusBadge.astro';
import type { Plan } from '../../src/schema/plan.ts';
import Checkins from '../../src/pages/[deal]/checkins.astro';
import Dependencies from '../../src/pages/[deal]/dependencies.astro';
import Overview from '../../src/pages/[deal]/index.astro';
import People from '../../src/pages/[deal]/people.astro';
import PlanPage from '../../src/pages/[deal]/plan.astro';
import Risks from '../../src/pages/[deal]/risks.astro';
import Summary from '../../src/pages/[deal]/summary.astro';
import Timeline from '../../src/pages/[deal]/timeline.astro';
import { makePlan } from '../helpers/make-plan.ts';

// The MDX body is the author's text, not the site's: the overview renders a stand-in for it.
vi.mock('astro:content', () => ({
	render: async () => ({ Content: createComponent(() => render`<p>Isi rencana.</p>`) }),
	getCollection: async () => [],
}));

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = { overview: Overview, plan: PlanPage, timeline: Timeline, dependencies: Dependencies, people: People, risks: Risks, checkins: Checkins, summary: Summary };
const { plans } = checkPlanSources(await loadPlans(join(ROOT, 'plans'), ROOT));
const container = await AstroContainer.create();

// Answers every parameter of a message with a marker that is cut out afterwards.
const MARK = 'QQQ';
const sample = new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => MARK : 3) });

function listTexts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value === 'function') return [String((value as (...args: unknown[]) => unknown)(sample, sample))];
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(listTexts);
	return [];
}

const englishTexts = listTexts(en);
// Words Indonesian uses as they are; fixed here rather than read from id.ts, so English copied
// into the Indonesian catalogue is still caught.
const SHARED_WORDS = new Set(['email', 'status', 'logo']);
// Product names stay in English in any language.
const PRODUCT_NAMES = /\b(Google Calendar|Apple Calendar|Outlook|GitHub|JavaScript|HTTPS)\b/g;

/** English phrases of the catalogues and common English UI words. */
const ENGLISH_WORDS = [
	...new Set([
		...englishTexts.flatMap((text) => text.split(new RegExp(`${MARK}|\\d+`))).map((part) => part.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')),
		...'the and of by due late done owner owners day days today next steps progress overview risk risks people timeline milestone decision summary blocked track calendar download prepared open actions action changed since none nobody'.split(' '),
	]),
]
	.filter((phrase) => /\p{L}{3,}/u.test(phrase) || /^(of|by|no)$/.test(phrase))
	.filter((phrase) => !SHARED_WORDS.has(phrase.toLowerCase()))
	.filter((phrase, index, all) => all.findIndex((other) => other.toLowerCase() === phrase.toLowerCase()) === index);

/** Matches `text` where it is not part of a longer word. */
function wholeWords(text: string, flags: string): RegExp {
	const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags);
}

function decodeEntities(text: string): string {
	return text
		.replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
		.replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(Number.parseInt(code, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** What a reader sees or hears: text, labels read aloud, and the words a diagram shows (not its syntax). */
function readVisibleText(html: string): string {
	const page = html
		.replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
		.replace(/(<pre class="mapsite-mermaid"[^>]*>)([\s\S]*?)(<\/pre>)/g, (_, _open, source: string) =>
			[...decodeEntities(source).matchAll(/\["([^"]*)"\]/g)].map((match) => match[1].replace(/<br\/>/g, ' ')).join(' | '),
		);
	const attributes = [...page.matchAll(/\s(?:aria-label|title|alt|placeholder|data-title|data-label-[a-z-]+)="([^"]*)"/g)].map((match) => match[1]);
	return decodeEntities([page.replace(/<[^>]+>/g, ' | '), ...attributes].join(' | '));
}

/** Every piece of text the plan's author wrote, longest first so a long title goes before its parts. */
function listPlanTexts(plan: Plan): string[] {
	const texts: string[] = [];
	const walk = (value: unknown): void => {
		if (typeof value === 'string') texts.push(value);
		else if (Array.isArray(value)) value.forEach(walk);
		else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
	};
	walk(plan);
	// Ids, enum values and dates ("done", "buyer", "legal-ok") are the site's to word, not the author's.
	return [...new Set(texts)].filter((text) => text.length >= 2 && !/^[a-z0-9-]+$/.test(text)).sort((a, b) => b.length - a.length);
}

function findEnglish(html: string, plan: Plan): string[] {
	// `{action}` in a label template is a slot the loader fills with the action's title, not a word.
	let text = readVisibleText(html).replace(PRODUCT_NAMES, ' | ').replace(/\{[a-z]+\}/g, ' | ');
	// Whole words only, so a short plan value such as an id never cuts a UI word in two.
	for (const planText of listPlanTexts(plan)) text = text.replace(wholeWords(planText, 'gu'), ' | ');
	const lower = text.toLowerCase();
	return ENGLISH_WORDS.filter((phrase) => wholeWords(phrase, 'iu').test(text)).map((phrase) => {
		const at = lower.indexOf(phrase.toLowerCase());
		return `"${phrase}" in “…${text.slice(Math.max(0, at - 40), at + phrase.length + 40).replace(/\s+/g, ' ')}…”`;
	});
}

async function renderPage(page: keyof typeof PAGES, plan: Plan, slug: string): Promise<string> {
	return container.renderToString(PAGES[page], { props: { entry: { id: slug, collection: 'plans', data: plan, body: '' } as never, routeId: slug } });
}

describe('the English UI-word detector', () => {
	test('knows the site’s English words and none of the Indonesian ones', () => {
		expect(ENGLISH_WORDS).toEqual(expect.arrayContaining(['Late', 'Due soon', 'Next steps', 'Owner', 'due', 'Decision date']));
		expect(ENGLISH_WORDS).not.toContain('Email');
		expect(ENGLISH_WORDS.length).toBeGreaterThan(100);
	});

	test('finds English UI on an English page', async () => {
		const checked = plans.find((entry) => entry.slug === 'harbor-lightweight')!;
		const hits = findEnglish(await renderPage('overview', { ...checked.plan!, locale: 'en' }, checked.slug), checked.plan!);
		expect(hits.length).toBeGreaterThan(10);
	});

	test('catches a single English status word among Indonesian ones', async () => {
		const badges = await Promise.all(
			(['Terlambat', 'Late'] as const).map((label) => container.renderToString(StatusBadge, { props: { status: 'late', light: 'red', label } })),
		);
		expect(findEnglish(badges.join(''), makePlan())).toEqual([expect.stringMatching(/^"Late" in/)]);
	});
});

describe.each(plans.map((checked) => [checked.slug, checked] as const))('the %s plan in Indonesian', (slug, checked) => {
	const plan: Plan = { ...checked.plan!, locale: 'id' };
	test.each(Object.keys(PAGES) as (keyof typeof PAGES)[])('renders the %s page with no English UI word', async (page) => {
		const html = await renderPage(page, plan, slug);
		expect(html).toMatch(/<html lang="id"[\s>]/);
		expect(findEnglish(html, plan)).toEqual([]);
	});
});
