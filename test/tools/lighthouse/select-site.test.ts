import { describe, expect, it } from 'vitest';
import { getDealBuildEnv, selectLighthouseSite } from '../../../tools/lighthouse/select-site.ts';

const EXAMPLES = ['northwind-data-platform', 'harbor-lightweight'];
const plans = [
	{ slug: 'northwind-data-platform', file: 'northwind-data-platform.mdx' },
	{ slug: 'harbor-lightweight', file: 'harbor-lightweight.mdx' },
	{ slug: 'acme', file: 'team-a/acme.mdx' },
];
const select = (deal: string | undefined, list = plans) => selectLighthouseSite({ deal, plans: list, exampleSlugs: EXAMPLES, auditedExample: 'northwind-data-platform', plansDir: 'plans' });

describe('selectLighthouseSite', () => {
	it('builds only the examples by default, whatever other plans the repository holds', () => {
		expect(select(undefined)).toEqual({ mode: 'examples', files: ['northwind-data-platform.mdx', 'harbor-lightweight.mdx'], slug: 'northwind-data-platform' });
	});

	it('builds a named deal alone, from where its file is', () => {
		expect(select('acme')).toEqual({ mode: 'deal', files: ['team-a/acme.mdx'], slug: 'acme' });
	});

	it('names an unknown deal, suggests the closest and lists the known ones', () => {
		expect(() => select('acme-corp')).toThrow('--deal "acme-corp" is not a plan in plans/. Known plans: northwind-data-platform, harbor-lightweight, acme.');
		expect(() => select('acm')).toThrow('Did you mean "acme"?');
	});

	it('says to name a deal when the examples were removed from plans/', () => {
		expect(() => select(undefined, plans.slice(1))).toThrow(
			'The bundled example plans are not all in plans/ (missing: northwind-data-platform), so there is nothing fixed to audit. Audit one of your deals instead, with its own secrets: npm run lighthouse -- --deal <slug>.',
		);
	});
});

describe('getDealBuildEnv', () => {
	it('keeps the deal’s own secrets and day, drops the switches that would build other deals or elsewhere', () => {
		const env = getDealBuildEnv({ MAP_SITE_SECRET: 's', MAP_PASSWORD_ACME: 'p', MAP_TODAY: '2026-12-02', MAPSITE_SECRETS: 'x.json', MAPSITE_DEALS: 'other', MAPSITE_SHARD: '1/2', MAPSITE_DIST: 'dist', MAPSITE_PLANS: 'p', PATH: '/bin' }, '/repo/x.json');
		expect(env).toEqual({ MAP_SITE_SECRET: 's', MAP_PASSWORD_ACME: 'p', MAP_TODAY: '2026-12-02', MAPSITE_SECRETS: '/repo/x.json', PATH: '/bin', MAPSITE_SITE_URL: 'https://plans.example.com' });
	});

	it('keeps the site URL the rep set', () => {
		expect(getDealBuildEnv({ MAPSITE_SITE_URL: 'https://deals.example.org' }, '/repo/mapsite.secrets.json').MAPSITE_SITE_URL).toBe('https://deals.example.org');
	});
});
