import { describe, expect, it } from 'vitest';
import { createVocabulary, getProductVocabulary, normalizePhrase } from '../../src/lib/leak-vocabulary.ts';
import { getMessages } from '../../src/i18n/index.ts';
import { getPlanTemplate, TEMPLATE_LOCALES, TEMPLATE_NAMES } from '../../src/lib/plan-templates.ts';

describe('normalizePhrase', () => {
	it('keeps only the words, lower-cased, one space apart', () => {
		expect(normalizePhrase('  Discovery call:  goals, setup!')).toBe('discovery call goals setup');
		expect(normalizePhrase('Pengambilan keputusan')).toBe('pengambilan keputusan');
	});
});

describe('createVocabulary', () => {
	const vocabulary = createVocabulary(['Security review and questionnaire', 'Decision date']);

	it('knows every run of consecutive words of its texts, in any case and punctuation', () => {
		expect(vocabulary.has('Security review')).toBe(true);
		expect(vocabulary.has('review and questionnaire')).toBe(true);
		expect(vocabulary.has('DECISION')).toBe(true);
	});

	it('does not know words out of order or mixed with others', () => {
		expect(vocabulary.has('questionnaire review')).toBe(false);
		expect(vocabulary.has('Security review with Priya')).toBe(false);
	});
});

describe('getProductVocabulary', () => {
	it('holds the UI catalogues of every language and the scaffold of npm run new, without its company names', () => {
		const vocabulary = getProductVocabulary();
		expect(vocabulary.has(getMessages('en').nav.executiveSummary)).toBe(true);
		expect(vocabulary.has(getMessages('id').nav.executiveSummary)).toBe(true);
		expect(vocabulary.has('Decision')).toBe(true);
		expect(vocabulary.has('Acme Corp')).toBe(false);
	});
});

describe('the scaffold vocabulary', () => {
	const cases = TEMPLATE_NAMES.flatMap((template) => TEMPLATE_LOCALES.map((locale) => ({ template, locale })));

	it.each(cases)('knows every step and milestone title of the $template template in $locale', ({ template, locale }) => {
		const vocabulary = getProductVocabulary();
		const { steps, milestones } = getPlanTemplate(template, locale);
		for (const title of [...steps.map((step) => step.title), ...milestones.map((milestone) => milestone.title)]) {
			expect(vocabulary.has(title), title).toBe(true);
		}
	});
});
