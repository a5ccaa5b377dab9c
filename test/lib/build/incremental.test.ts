import { describe, expect, it } from 'vitest';
import { planRebuild, type BuildState } from '../../../src/lib/build/incremental.ts';

const state = (deals: Record<string, [string, string]>, tool = 't1', settings = 's1'): BuildState => ({
	tool,
	settings,
	deals: Object.fromEntries(Object.entries(deals).map(([slug, [inputs, routeId]]) => [slug, { inputs, routeId }])),
});
const published = () => true;

describe('planRebuild', () => {
	const before = state({ a: ['1', 'ra'], b: ['2', 'rb'], c: ['3', 'rc'] });

	it('builds everything the first time', () => {
		expect(planRebuild(undefined, before, published)).toEqual({ mode: 'full', reason: 'no earlier build is recorded' });
	});
	it('rebuilds only the edited deal', () => {
		expect(planRebuild(before, state({ a: ['1', 'ra'], b: ['2*', 'rb'], c: ['3', 'rc'] }), published)).toEqual({ mode: 'partial', rebuild: ['b'], keep: ['a', 'c'], removeRoutes: [] });
	});
	it('builds new deals and drops removed or moved ones', () => {
		expect(planRebuild(before, state({ a: ['1', 'ra'], b: ['2', 'rb2'], d: ['4', 'rd'] }), published)).toEqual({
			mode: 'partial',
			rebuild: ['b', 'd'],
			keep: ['a'],
			removeRoutes: ['rb', 'rc'],
		});
	});
	it('does nothing when nothing changed', () => {
		expect(planRebuild(before, before, published)).toEqual({ mode: 'partial', rebuild: [], keep: ['a', 'b', 'c'], removeRoutes: [] });
	});
	it('builds everything when the code or the day changed', () => {
		expect(planRebuild(before, state({ a: ['1', 'ra'] }, 't2'), published).mode).toBe('full');
		expect(planRebuild(before, state({ a: ['1', 'ra'] }, 't1', 's2'), published).mode).toBe('full');
	});
	it('builds everything when a kept deal is no longer published', () => {
		expect(planRebuild(before, before, (routeId) => routeId !== 'rc')).toEqual({ mode: 'full', reason: 'the published files of c are missing' });
	});
});
