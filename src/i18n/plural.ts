/** Plural choice through `Intl.PluralRules`, so each language gets its own categories. */
import type { Locale } from './locale.ts';

/** The forms of a counted phrase; `other` is required because every language has it (Indonesian has only it). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLocale = new Map<Locale, Intl.PluralRules>();

/** Picks the form of `forms` that `count` takes in `locale`, falling back to `other`. */
export function selectPlural(locale: Locale, count: number, forms: PluralForms): string {
	let rules = rulesByLocale.get(locale);
	if (!rules) {
		rules = new Intl.PluralRules(locale);
		rulesByLocale.set(locale, rules);
	}
	return forms[rules.select(count)] ?? forms.other;
}
