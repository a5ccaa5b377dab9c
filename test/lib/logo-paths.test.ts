import { describe, expect, it } from 'vitest';
import { checkLogo, getLogoReferences, MAX_LOGO_BYTES } from '../../src/lib/logo-paths.ts';
import { makePlan } from '../helpers/make-plan.ts';

const FILE = 'plans/northwind.mdx';

describe('getLogoReferences', () => {
	it('finds logos beside the plan and in public/', () => {
		const plan = makePlan({ buyer: { name: 'Northwind', logo: 'logos/../logos/nw.svg' }, seller: { name: 'Tidewell', logo: '/brand/t.svg' } });
		expect(getLogoReferences(plan, FILE)).toEqual([
			{ party: 'buyer', field: 'buyer.logo', value: 'logos/../logos/nw.svg', resolved: 'plans/logos/nw.svg' },
			{ party: 'seller', field: 'seller.logo', value: '/brand/t.svg', resolved: 'public/brand/t.svg' },
		]);
	});
});

describe('getLogoReferences outside the project', () => {
	it('keeps a plan folder above the project root', () => {
		const plan = makePlan({ buyer: { name: 'Northwind', logo: 'logos/nw.svg' } });
		expect(getLogoReferences(plan, '../../tmp/plans/x.mdx')[0].resolved).toBe('../../tmp/plans/logos/nw.svg');
		expect(getLogoReferences(plan, '/tmp/plans/x.mdx')[0].resolved).toBe('/tmp/plans/logos/nw.svg');
	});
});

describe('checkLogo', () => {
	const check = (logo: string, size: number | undefined, access: 'gated' | 'public' = 'gated') => {
		const plan = makePlan({ access, buyer: { name: 'Northwind', logo } });
		return checkLogo(plan, FILE, getLogoReferences(plan, FILE)[0], size).map((problem) => problem.code);
	};

	it('accepts a small image beside the plan', () => {
		expect(check('logos/nw.svg', 900)).toEqual([]);
	});
	it('refuses a gated buyer logo in public/, which would be published in the clear', () => {
		const plan = makePlan({ buyer: { name: 'Northwind', logo: '/nw.png' } });
		const [problem] = checkLogo(plan, FILE, getLogoReferences(plan, FILE)[0], 10);
		expect(problem).toMatchObject({ file: FILE, path: 'buyer.logo', code: 'logo-public', severity: 'error' });
		expect(problem.hint).toContain('plans/logos/nw.png');
	});
	it('lets a public plan keep its buyer logo in public/', () => {
		expect(check('/nw.png', 10, 'public')).toEqual([]);
	});
	it('names a missing file with the path it looked at', () => {
		const plan = makePlan({ buyer: { name: 'Northwind', logo: 'logos/missing.svg' } });
		const [problem] = checkLogo(plan, FILE, getLogoReferences(plan, FILE)[0], undefined);
		expect(problem.message).toBe('"logos/missing.svg" does not exist (looked for plans/logos/missing.svg).');
	});
	it('refuses other file types and oversized files', () => {
		expect(check('logos/nw.gif', 10)).toEqual(['logo-type']);
		expect(check('logos/nw.png', MAX_LOGO_BYTES + 1)).toEqual(['logo-too-big']);
	});
});
