import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findLeaks, type Sentinel } from '../../src/lib/leak-scan.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const sentinels: Sentinel[] = [
	{ text: 'Security review with Priya', slug: 'northwind' },
	{ text: 'Security review board', slug: 'harbor' },
	{ text: "O'Brien & Sons", slug: 'harbor' },
];

describe('findLeaks', () => {
	it('passes clean files', async () => {
		expect(await findLeaks([{ path: 'a/index.html', bytes: encode('<p>Mutual action plan</p>') }], sentinels, ['northwind'])).toEqual([]);
	});

	it('finds a phrase in any case, also at the very end of a file', async () => {
		const leaks = await findLeaks([{ path: 'x.html', bytes: encode('<p>see SECURITY REVIEW WITH PRIYA') }], sentinels, []);
		expect(leaks).toEqual(['x.html: contains "Security review with Priya" from plans/northwind.mdx']);
	});

	it('tells apart phrases that share a beginning', async () => {
		const leaks = await findLeaks([{ path: 'x.js', bytes: encode('"Security review board" and Security review with Priya') }], sentinels, []);
		expect(leaks).toHaveLength(2);
	});

	it('finds HTML- and JSON-escaped spellings', async () => {
		const html = await findLeaks([{ path: 'h.html', bytes: encode('<meta content="O&#39;Brien &amp; Sons">') }], sentinels, []);
		expect(html).toEqual(['h.html: contains "O\'Brien & Sons" from plans/harbor.mdx']);
	});

	it('looks inside compressed files', async () => {
		const leaks = await findLeaks([{ path: 'pagefind/x.pf_fragment', bytes: new Uint8Array(gzipSync('{"content":"Security review board"}')) }], sentinels, []);
		expect(leaks).toEqual(['pagefind/x.pf_fragment: contains "Security review board" from plans/harbor.mdx']);
	});

	it('looks inside zlib and raw-deflate data too', async () => {
		const zlib = await findLeaks([{ path: 'a.bin', bytes: new Uint8Array(deflateSync('x Security review board x')) }], sentinels, []);
		const raw = await findLeaks([{ path: 'b.bin', bytes: new Uint8Array(deflateRawSync('x Security review board x')) }], sentinels, []);
		expect(zlib).toHaveLength(1);
		expect(raw).toHaveLength(1);
	});

	it('flags file names that name a gated plan', async () => {
		const leaks = await findLeaks([{ path: '_mapsite/og/northwind.png', bytes: encode('') }], [], ['northwind']);
		expect(leaks).toEqual(['_mapsite/og/northwind.png: its path names the plan "northwind"']);
	});
});

describe('collectGatedSentinels', () => {
	it('leaves out phrases a public plan publishes itself, and keeps the rest', async () => {
		const { collectGatedSentinels } = await import('../../src/lib/leak-scan.ts');
		const { makePlan } = await import('../helpers/make-plan.ts');
		const gated = makePlan({ access: 'gated', title: 'Northwind rollout plan', buyer: { name: 'Northwind Freight' } });
		const open = makePlan({ access: 'public', title: 'Harbor starter plan', buyer: { name: 'Harbor Bikes Ltd' } });
		const texts = collectGatedSentinels([
			{ slug: 'nw', plan: gated, body: '' },
			{ slug: 'hb', plan: open, body: '' },
		]).map((sentinel) => sentinel.text);
		expect(texts).toContain('Northwind rollout plan');
		expect(texts).toContain('Northwind Freight');
		expect(texts).not.toContain('Harbor starter plan');
		// Both plans come from the same template, so their shared action titles are public through Harbor.
		for (const action of open.actions) expect(texts).not.toContain(action.title);
	});
});
