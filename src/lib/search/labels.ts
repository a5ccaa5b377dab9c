/**
 * The search box's words as plain strings, so the server can put them in data attributes and the
 * browser can fill in counts and queries without shipping the message catalogue.
 */
import type { Messages } from '../../i18n/messages/en.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locale.ts';

/** Words of the search UI; `{query}` and `{count}` are filled in by the browser. */
export interface SearchLabels {
	label: string;
	placeholder: string;
	loading: string;
	unavailable: string;
	/** Contains `{query}`. */
	noResults: string;
	/** The result count by plural category of the locale (`one`, `other`, ...), each with `{count}`. */
	resultCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

/** Turns the catalogue's `search` group into SearchLabels for `locale`. */
export function getSearchLabels(search: Messages['search'], locale: Locale): SearchLabels {
	const rules = new Intl.PluralRules(locale);
	const resultCount: SearchLabels['resultCount'] = { other: '' };
	// The catalogue builds counts with functions; render each plural form once with a sample number
	// of that form, then put the placeholder where the number was.
	for (const category of rules.resolvedOptions().pluralCategories) {
		const sample = findSample(rules, category);
		if (sample === undefined) continue;
		resultCount[category] = search.resultCount({ count: sample }).replace(formatNumber(sample, locale), '{count}');
	}
	return {
		label: search.label,
		placeholder: search.placeholder,
		loading: search.loading,
		unavailable: search.unavailable,
		noResults: search.noResults({ query: '{query}' }),
		resultCount,
	};
}

/** Fills a label template: `{name}` becomes `values[name]`. */
export function fillSearchLabel(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

function findSample(rules: Intl.PluralRules, category: Intl.LDMLPluralRule): number | undefined {
	// Integers only: result counts are whole numbers, and 0-200 covers every category of an integer.
	for (let count = 0; count <= 200; count++) if (rules.select(count) === category) return count;
	return undefined;
}
