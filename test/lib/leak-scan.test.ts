import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectGatedSentinels, collectSentinels, findLeaks, formatLeak, isDistinctivePhrase, isSiteCode, type Sentinel } from '../../src/lib/leak-scan.ts';
import { getProductVocabulary } from '../../src/lib/leak-vocabulary.ts';
import { createPlanInput } from '../../src/lib/new-plan.ts';
import { PlanSchema } from '../../src/schema/plan.ts';
import { makePlan } from '../helpers/make-plan.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const sentinel = (text: string, slug: string, kind: Sentinel['kind'] = 'text'): Sentinel => ({ text, slug, kind, file: `plans/${slug}.mdx`, field: 'actions[0].title (action "a")' });
const sentinels: Sentinel[] = [sentinel('Security review with Priya', 'northwind'), sentinel('Security review board', 'harbor'), sentinel("O'Brien & Sons", 'harbor', 'identity')];
const texts = async (files: { path: string; text: string }[], list = sentinels, slugs: string[] = []) =>
	(await findLeaks(files.map(({ path, text }) => ({ path, bytes: encode(text) })), list, slugs)).map(formatLeak);

describe('findLeaks', () => {
	it('passes clean files', async () => {
		expect(await texts([{ path: 'a/index.html', text: '<p>Mutual action plan</p>' }], sentinels, ['northwind'])).toEqual([]);
	});

	it('finds a phrase in any case, also at the very end of a file, and names its plan file and field', async () => {
		expect(await texts([{ path: 'x.html', text: '<p>see SECURITY REVIEW WITH PRIYA' }])).toEqual(['x.html: contains "Security review with Priya" from plans/northwind.mdx, actions[0].title (action "a")']);
	});

	it('tells apart phrases that share a beginning', async () => {
		expect(await texts([{ path: 'x.json', text: '"Security review board" and Security review with Priya' }])).toHaveLength(2);
	});

	it('finds HTML- and JSON-escaped spellings', async () => {
		expect(await texts([{ path: 'h.html', text: '<meta content="O&#39;Brien &amp; Sons">' }])).toEqual(['h.html: contains "O\'Brien & Sons" from plans/harbor.mdx, actions[0].title (action "a")']);
	});

	it('looks inside compressed files', async () => {
		const leaks = await findLeaks([{ path: 'pagefind/x.pf_fragment', bytes: new Uint8Array(gzipSync('{"content":"Security review board"}')) }], sentinels, []);
		expect(leaks.map(formatLeak)).toEqual(['pagefind/x.pf_fragment: contains "Security review board" from plans/harbor.mdx, actions[0].title (action "a")']);
	});

	it('looks inside zlib and raw-deflate data, and gzip data behind a short signature', async () => {
		const zlib = await findLeaks([{ path: 'a.bin', bytes: new Uint8Array(deflateSync('x Security review board x')) }], sentinels, []);
		const raw = await findLeaks([{ path: 'b.bin', bytes: new Uint8Array(deflateRawSync('x Security review board x')) }], sentinels, []);
		const signed = await findLeaks([{ path: 'c.pf_index', bytes: new Uint8Array([...encode('pagefind_dcd'), ...gzipSync('x Security review board x')]) }], sentinels, []);
		expect([zlib.length, raw.length, signed.length]).toEqual([1, 1, 1]);
	});

	it('reads the text metadata of PNG images, plain or compressed', async () => {
		const chunk = (type: string, data: Uint8Array) => {
			const head = Buffer.alloc(8);
			head.writeUInt32BE(data.length, 0);
			head.write(type, 4, 'latin1');
			return Buffer.concat([head, data, Buffer.alloc(4)]);
		};
		const png = (type: string, data: Uint8Array) => new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk(type, data), chunk('IEND', new Uint8Array())]));
		const text = 'Description\0Security review board';
		const ztxt = Buffer.concat([Buffer.from('Description\0\0', 'latin1'), deflateSync('Security review board')]);
		const itxt = Buffer.concat([Buffer.from('Description\0\x01\0en\0\0', 'latin1'), deflateSync('Security review board')]);
		for (const image of [png('tEXt', encode(text)), png('zTXt', ztxt), png('iTXt', itxt)]) {
			expect(await findLeaks([{ path: '_astro/logo.Ab12.png', bytes: image }], sentinels, [])).toHaveLength(1);
		}
	});

	it('flags file names that name a gated plan', async () => {
		expect(await texts([{ path: '_mapsite/og/northwind.png', text: '' }], [], ['northwind'])).toEqual(['_mapsite/og/northwind.png: its path names the plan "northwind" (plans/northwind.mdx)']);
	});

	it('flags file names that spell a phrase, as a file name would', async () => {
		const leaks = await texts([{ path: '_astro/obrien-sons-logo.Ab12.png', text: '' }], [sentinel('OBrien Sons', 'harbor', 'identity')]);
		expect(leaks).toEqual(['_astro/obrien-sons-logo.Ab12.png: its name spells "OBrien Sons" from plans/harbor.mdx, actions[0].title (action "a")']);
	});

	it('checks the site’s own code and styles for identities only, and every other file for every phrase', async () => {
		const phrase = 'Security review board';
		expect(await texts([{ path: '_astro/style.Cy_N.css', text: `.x::after{content:"${phrase}"}` }])).toEqual([]);
		expect(await texts([{ path: '_mapsite/gate-ABC.js', text: `const label = "${phrase}"` }])).toEqual([]);
		expect(await texts([{ path: '_astro/plan-data.json', text: phrase }])).toHaveLength(1);
		expect(await texts([{ path: '_astro/chunk.js', text: 'const buyer = "O\'Brien & Sons";' }])).toHaveLength(1);
	});
});

describe('isSiteCode', () => {
	it.each([
		['_astro/style.Cy_NchUk.css', true],
		['_astro/page.D1x.js', true],
		['_astro/inter-latin-400.woff2', true],
		['_mapsite/gate-KYJ2ZDD7.js', true],
		['_mapsite/pagefind/wasm.en.pagefind', true],
		['_astro/logo.Ab12.png', false],
		['_astro/data.json', false],
		['_mapsite/og/6946bdef.png', false],
		['_mapsite/icons/25106453.svg', false],
		['x7k2/index.html', false],
		['index.html', false],
	])('%s is site code: %s', (path, expected) => {
		expect(isSiteCode(path)).toBe(expected);
	});
});

describe('collectSentinels', () => {
	const plan = makePlan({
		buyer: { name: 'Northwind' },
		actions: [{ id: 'kickoff', title: 'Kickoff' }, { id: 'sandbox', title: 'Load the Northwind sample into the sandbox', notes: 'Dana brings the fixtures' }],
		risks: [{ id: 'budget', title: 'Budget freeze in Q1', probability: 'low', impact: 'high' }],
	});
	const found = collectSentinels('nw', plan, '');
	const byText = (text: string) => found.find((item) => item.text === text);

	it('names the plan file and the field of each phrase, with the id of its action, person or risk', () => {
		expect(byText('Load the Northwind sample into the sandbox')).toEqual({
			text: 'Load the Northwind sample into the sandbox',
			slug: 'nw',
			file: 'plans/nw.mdx',
			field: 'actions[1].title (action "sandbox")',
			kind: 'text',
		});
		expect(byText('Dana brings the fixtures')?.field).toBe('actions[1].notes (action "sandbox")');
		expect(byText('Budget freeze in Q1')?.field).toBe('risks[0].title (risk "budget")');
		expect(byText('Ana Buyer')).toMatchObject({ field: 'stakeholders[0].name (person "ana")', kind: 'identity' });
	});

	it('counts a single word as a phrase only when it names someone', () => {
		expect(byText('Kickoff')).toBeUndefined();
		expect(byText('Northwind')).toMatchObject({ field: 'buyer.name', kind: 'identity' });
		expect(isDistinctivePhrase('Procurement', 'text')).toBe(false);
		expect(isDistinctivePhrase('Procurement', 'identity')).toBe(true);
	});

	it('leaves out the seller’s own name, which every shell shows', () => {
		const withLongSeller = makePlan({ seller: { name: 'Tidewell Data' } });
		expect(collectSentinels('nw', withLongSeller, '').map((item) => item.text)).not.toContain('Tidewell Data');
	});

	it('takes the start of each long body line, and says which line', () => {
		const body = '\n## Why\n\nThe freight team loses two days a week to manual reports.\n';
		expect(collectSentinels('nw', plan, body).find((item) => item.field.startsWith('body'))).toMatchObject({
			text: 'The freight team loses two days a week t',
			field: 'body, line 4 below the frontmatter',
		});
	});
});

describe('collectGatedSentinels with the product vocabulary', () => {
	const scaffold = PlanSchema.parse(createPlanInput({ slug: 'acme', buyer: 'Acme Corp', seller: 'Tidewell Data', today: '2026-12-02' }));
	const distinctive = { ...scaffold, actions: scaffold.actions.map((action, at) => (at === 3 ? { ...action, title: 'Pen test of the Acme billing export' } : action)) };
	const found = collectGatedSentinels([{ slug: 'acme', plan: distinctive, body: '' }], getProductVocabulary());
	const foundTexts = found.map((item) => item.text);

	it('does not look for the scaffold’s generic milestones and steps', () => {
		for (const milestone of scaffold.milestones) expect(foundTexts).not.toContain(milestone.title);
		for (const action of scaffold.actions) expect(foundTexts).not.toContain(action.title);
		expect(foundTexts).not.toContain('Decision');
	});

	it('still looks for the buyer, the plan’s title and a step the rep wrote', () => {
		expect(foundTexts).toContain('Acme Corp');
		expect(foundTexts).toContain(scaffold.title);
		expect(found.find((item) => item.text === 'Pen test of the Acme billing export')?.field).toBe(`actions[3].title (action "${scaffold.actions[3].id}")`);
	});

	it('leaves out phrases a public plan publishes itself, and keeps the rest', () => {
		const gated = makePlan({ access: 'gated', title: 'Northwind rollout plan', buyer: { name: 'Northwind Freight' } });
		const open = makePlan({ access: 'public', title: 'Harbor starter plan', buyer: { name: 'Harbor Bikes Ltd' } });
		const kept = collectGatedSentinels([
			{ slug: 'nw', plan: gated, body: '' },
			{ slug: 'hb', plan: open, body: '' },
		]).map((item) => item.text);
		expect(kept).toContain('Northwind rollout plan');
		expect(kept).toContain('Northwind Freight');
		expect(kept).not.toContain('Harbor starter plan');
		// Both plans come from the same template, so their shared action titles are public through Harbor.
		for (const action of open.actions) expect(kept).not.toContain(action.title);
	});
});
