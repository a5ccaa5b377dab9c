import { describe, expect, test } from 'vitest';
import { findMissedTargets, formatLighthouseSummary, summarizeLighthouseResult } from '../../../tools/lighthouse/summarize.ts';

/** The smallest Lighthouse result shape the summary reads, with one audit of each kind. */
function makeResult({ accessibility = 1, performance = 0.9 } = {}) {
	const audit = (id: string, score: number | null, scoreDisplayMode: string, displayValue?: string) => ({ id, title: `Title of ${id}`, score, scoreDisplayMode, displayValue });
	return {
		finalDisplayedUrl: 'http://localhost/abc/',
		configSettings: { formFactor: 'mobile' },
		environment: { benchmarkIndex: 1234.5 },
		categories: {
			accessibility: { score: accessibility, auditRefs: [{ id: 'color-contrast' }, { id: 'image-alt' }] },
			performance: { score: performance, auditRefs: [{ id: 'total-blocking-time' }, { id: 'largest-contentful-paint' }, { id: 'diagnostics' }] },
			'best-practices': { score: 1, auditRefs: [{ id: 'errors-in-console' }] },
		},
		audits: {
			'color-contrast': audit('color-contrast', accessibility === 1 ? 1 : 0, 'binary'),
			'image-alt': audit('image-alt', null, 'notApplicable'),
			'total-blocking-time': audit('total-blocking-time', 0.59, 'numeric', '490 ms'),
			'largest-contentful-paint': audit('largest-contentful-paint', 0.98, 'numeric', '1.9 s'),
			diagnostics: audit('diagnostics', 0, 'informative'),
			'errors-in-console': audit('errors-in-console', 1, 'binary'),
		},
	};
}

describe('summarizeLighthouseResult', () => {
	test('turns category scores into whole numbers out of 100', () => {
		expect(summarizeLighthouseResult(makeResult()).scores).toEqual({ accessibility: 100, performance: 90, 'best-practices': 100 });
	});

	test('lists failed binary audits and numeric audits under 0.9, and skips informative and not applicable ones', () => {
		const summary = summarizeLighthouseResult(makeResult({ accessibility: 0.95 }));
		expect(summary.failing).toEqual([
			{ category: 'accessibility', id: 'color-contrast', title: 'Title of color-contrast', score: 0, displayValue: undefined },
			{ category: 'performance', id: 'total-blocking-time', title: 'Title of total-blocking-time', score: 59, displayValue: '490 ms' },
		]);
	});

	test('refuses something that is not a Lighthouse result', () => {
		expect(() => summarizeLighthouseResult({ categories: {} })).toThrow();
	});
});

describe('findMissedTargets', () => {
	test('names each category below its target', () => {
		expect(findMissedTargets(summarizeLighthouseResult(makeResult({ accessibility: 0.96, performance: 0.94 })))).toEqual([
			'mobile accessibility 96 is below 100',
			'mobile performance 94 is below 95',
		]);
	});

	test('is empty when every target is met', () => {
		expect(findMissedTargets(summarizeLighthouseResult(makeResult({ performance: 0.95 })))).toEqual([]);
	});
});

describe('formatLighthouseSummary', () => {
	test('prints the scores on one line and each failing audit under it', () => {
		expect(formatLighthouseSummary(summarizeLighthouseResult(makeResult()))).toMatchInlineSnapshot(`
			"mobile  accessibility 100  performance 90  best-practices 100  (CPU benchmark index 1235)
			  performance: total-blocking-time 59/100: Title of total-blocking-time (490 ms)"
		`);
	});
});
