import { describe, expect, it } from 'vitest';
import { buildShareFragment, deriveContentKey, deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { buildShareLink, formatBuildAddresses, formatDealAddress, formatDealLinks, formatDealLinksSummary, resolveRouteId, SHARE_LINK_WARNING, type BuildOutcome, type DealLinkLine } from '../../src/lib/deal-address.ts';

const secret = new Uint8Array(32).fill(7);
const deal = (slug: string) => ({ slug, address: `https://plans.example.com/${slug}-id/` });

describe('resolveRouteId', () => {
	it('takes the plan’s path, else derives the id from the site secret, else has none', async () => {
		expect(await resolveRouteId('acme', 'acme-2027', secret)).toBe('acme-2027');
		expect(await resolveRouteId('acme', undefined, secret)).toBe(await deriveDealPathId(secret, 'acme'));
		expect(await resolveRouteId('acme', undefined, undefined)).toBeUndefined();
	});
});

describe('formatDealAddress and buildShareLink', () => {
	it('puts the route id under the site URL, with one slash whatever the URL ends with', () => {
		expect(formatDealAddress('https://plans.example.com/', 'x7k2')).toBe('https://plans.example.com/x7k2/');
		expect(formatDealAddress('https://example.com/plans', 'x7k2')).toBe('https://example.com/plans/x7k2/');
	});

	it('adds the deal’s content key of its key version as the fragment', async () => {
		const link = await buildShareLink('https://plans.example.com/x7k2/', secret, 'acme', 2);
		expect(link).toBe(`https://plans.example.com/x7k2/${buildShareFragment(await deriveContentKey(secret, 'acme', 2))}`);
	});
});

describe('formatBuildAddresses', () => {
	const base: BuildOutcome = { distDir: 'dist', built: [], kept: [], otherShards: 0, partial: undefined };

	it('lists every deal of a full build with its address', () => {
		const text = formatBuildAddresses({ ...base, built: [deal('acme'), deal('northwind')] });
		expect(text).toContain('Built (2 deals), open at:');
		expect(text).toContain('  acme       https://plans.example.com/acme-id/');
		expect(text).toContain('  northwind  https://plans.example.com/northwind-id/');
		expect(text).not.toContain('#k=');
	});

	it('tells an incremental build’s rebuilt deals from the unchanged ones, which keep their address', () => {
		const text = formatBuildAddresses({ ...base, partial: 'incremental', built: [deal('acme')], kept: [deal('northwind')] });
		expect(text).toMatch(/Rebuilt \(1 deal\), open at:\n {2}acme\s+https:\/\/plans\.example\.com\/acme-id\//);
		expect(text).toMatch(/Unchanged, kept in dist\/ as before \(1 deal\):\n {2}northwind\s+https:\/\/plans\.example\.com\/northwind-id\//);
	});

	it('says so when nothing changed, and points to npm run links past twenty kept deals', () => {
		const kept = Array.from({ length: 25 }, (_, at) => deal(`deal-${at}`));
		const text = formatBuildAddresses({ ...base, partial: 'incremental', kept });
		expect(text).toContain('No plan changed since the last build; no deal was rebuilt.');
		expect(text).toContain('deal-19');
		expect(text).not.toContain('deal-20 ');
		expect(text).toContain('...and 5 more (npm run links lists every one).');
	});

	it('lists the deals a --deal build left alone in the output with their address, and names those not in it', () => {
		const text = formatBuildAddresses({ ...base, partial: 'only', built: [deal('acme')], kept: [deal('northwind')], notPublished: ['harbor', 'meridian'] });
		expect(text).toMatch(/Not rebuilt, kept in dist\/ \(1 deal\):\n {2}northwind\s+https:\/\/plans\.example\.com\/northwind-id\//);
		// No address for a deal that is not there: it would not open.
		expect(text).toContain('Not in dist/ yet (2 deals): harbor, meridian. `npm run build` without --deal builds them.');
		expect(text).not.toContain('harbor-id');
	});

	it('names at most twenty deals not in the output, then counts the rest', () => {
		const notPublished = Array.from({ length: 23 }, (_, at) => `deal-${at}`);
		const text = formatBuildAddresses({ ...base, partial: 'only', built: [deal('acme')], notPublished });
		expect(text).toContain('Not in dist/ yet (23 deals): deal-0, deal-1,');
		expect(text).toContain('deal-19 and 3 more. `npm run build` without --deal builds them.');
		expect(text).not.toContain('deal-20');
		expect(text).not.toContain('Not rebuilt');
	});

	it('leaves the other shards’ deals to them', () => {
		const text = formatBuildAddresses({ ...base, partial: 'shard', built: [deal('acme')], otherShards: 3 });
		expect(text).toContain('Built by this shard (1 deal), open at:');
		expect(text).toContain('The other 3 deals are built by the other shards.');
	});
});

describe('formatDealLinks', () => {
	it('prints share links after the addresses, with the warning, and none for a public deal', () => {
		const text = formatDealLinks([
			{ slug: 'acme', access: 'gated', address: 'https://p.example/a/', shareLink: 'https://p.example/a/#k=abc' },
			{ slug: 'harbor', access: 'public', address: 'https://p.example/h/' },
		]);
		expect(text.split('\n')).toEqual([
			'Addresses (the buyer types the password on opening):',
			'  acme    https://p.example/a/',
			'  harbor  https://p.example/h/  (public: no password)',
			'',
			'Share links (open the deal at once):',
			'  acme    https://p.example/a/#k=abc',
			SHARE_LINK_WARNING,
		]);
	});

	it('prints no share-link section or warning without share links', () => {
		expect(formatDealLinks([{ slug: 'acme', access: 'gated', address: 'https://p.example/a/' }])).not.toContain('Warning');
	});
});

describe('formatDealLinksSummary', () => {
	it('is a Markdown table of addresses only', () => {
		const link: DealLinkLine = { slug: 'acme', access: 'gated', address: 'https://p.example/a/', shareLink: 'https://p.example/a/#k=abc' };
		const text = formatDealLinksSummary([link]);
		expect(text).toContain('| acme | gated | https://p.example/a/ |');
		expect(text).not.toContain('#k=');
	});
});
