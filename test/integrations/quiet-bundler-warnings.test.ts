import { describe, expect, test } from 'vitest';
import { isAstroHeadInjectWarning, quietAstroHeadInjectWarnings } from '../../src/integrations/quiet-bundler-warnings.ts';

// The warning as Rolldown reports it for every MDX plan (withastro/astro#18087).
const HEAD_INJECT = {
	code: 'MODULE_LEVEL_DIRECTIVE',
	message: 'The semantics of the module level directive "use astro:head-inject" in "plans/acme.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe('the bundler warning a rep cannot act on', () => {
	test('Astro\'s head-injection directive warning is dropped', () => {
		const passed: unknown[] = [];
		quietAstroHeadInjectWarnings(HEAD_INJECT, (warning) => passed.push(warning));
		expect(passed).toEqual([]);
	});

	test('any other warning reaches the default handler unchanged, a directive of another name included', () => {
		const others = [
			{ code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use client" in "src/components/Chart.tsx" may not be preserved when bundling.' },
			{ code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: "use astro:head-inject" named in a message of another kind' },
			{ message: 'A warning without a code' },
		];
		const passed: unknown[] = [];
		for (const warning of others) quietAstroHeadInjectWarnings(warning, (handed) => passed.push(handed));
		expect(passed).toEqual(others);
		expect(others.map(isAstroHeadInjectWarning)).toEqual([false, false, false]);
	});
});
