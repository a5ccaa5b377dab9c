/**
 * The product's own words: what the site's catalogues and the `npm run new` template say. A plan
 * phrase made only of these words (a milestone called "Decision", an action "Security review")
 * proves nothing about a deal when it turns up in a published file, so the leak scan does not
 * look for it.
 */
import { getMessages, SUPPORTED_LOCALES } from '../i18n/index.ts';
import { createPlanSource } from './new-plan.ts';
import { TEMPLATE_LOCALES, TEMPLATE_NAMES } from './plan-templates.ts';

/** Answers whether a phrase is made of the product's own wording. */
export interface Vocabulary {
	/** True when the phrase's words appear, in order and next to each other, in some product text. */
	has(phrase: string): boolean;
}

/** A phrase as the vocabulary compares it: its words, lower-cased, joined by one space. */
export function normalizePhrase(text: string): string {
	return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** A vocabulary of the given texts: every run of consecutive words of each text is a known phrase. */
export function createVocabulary(texts: Iterable<string>): Vocabulary {
	const phrases = new Set<string>();
	for (const text of texts) {
		const words = normalizePhrase(text).split(' ').filter(Boolean);
		for (let start = 0; start < words.length; start++) {
			let phrase = '';
			for (let end = start; end < words.length; end++) {
				phrase = phrase ? `${phrase} ${words[end]}` : words[end];
				phrases.add(phrase);
			}
		}
	}
	return { has: (phrase) => phrases.has(normalizePhrase(phrase)) };
}

/** The empty vocabulary: every phrase counts. */
export const NO_VOCABULARY: Vocabulary = { has: () => false };

// Company names no plan has: template text around them is the product's, the names are not.
const STAND_IN = { buyer: 'Zqxbuyerzqx', seller: 'Zqxsellerzqx' };

function collectStrings(value: unknown, into: string[]): string[] {
	if (typeof value === 'string') into.push(value);
	else if (value && typeof value === 'object') for (const child of Object.values(value)) collectStrings(child, into);
	return into;
}

/** The texts the product itself publishes or writes into new plans: UI catalogues of every locale and the scaffold. */
export function getProductTexts(): string[] {
	const texts: string[] = [];
	for (const locale of SUPPORTED_LOCALES) collectStrings(getMessages(locale), texts);
	for (const template of TEMPLATE_NAMES) {
		for (const locale of TEMPLATE_LOCALES) {
			texts.push(...createPlanSource({ slug: 'stand-in', ...STAND_IN, today: '2026-01-05', template, locale }).split('\n'));
		}
	}
	return texts;
}

let product: Vocabulary | undefined;

/** The vocabulary of {@link getProductTexts}, built once. */
export function getProductVocabulary(): Vocabulary {
	product ??= createVocabulary(getProductTexts());
	return product;
}
