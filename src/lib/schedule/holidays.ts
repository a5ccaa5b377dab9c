/**
 * Public holidays from `date-holidays`, the kept library with rules for some 200 countries
 * (moving feasts such as Idul Fitri included). Build time only: the buyer's browser never
 * loads this module, so the library's data stays out of client JavaScript.
 *
 * Every answer is remembered in a memo that a command can keep between runs
 * (src/node/holiday-cache.ts). The library itself is loaded on the first question the memo
 * cannot answer: loading its rules and the calendars behind them (Chinese, Islamic) costs a
 * quarter of a second, which a rep's `npm run check` pays on every run otherwise.
 */
import { createRequire } from 'node:module';
import type HolidaysLibrary from 'date-holidays';
import type { Holiday, HolidaySource } from './working-calendar.ts';

/** What has been looked up, keyed as the functions below ask; plain data, to be written to disk. */
export interface HolidayMemo {
	/** Public holidays by `country/region/language/year`. */
	years: Record<string, Holiday[]>;
	/** Country names by language, then by code. */
	countries: Record<string, Record<string, string>>;
	/** Region codes by country. */
	regions: Record<string, string[]>;
}

let memo: HolidayMemo = { years: {}, countries: {}, regions: {} };
// One library object per country, region and language.
const instances = new Map<string, HolidaysLibrary>();
let library: typeof HolidaysLibrary | undefined;

// A CommonJS require, so that loading on first use stays synchronous like the functions it serves.
function loadLibrary(): typeof HolidaysLibrary {
	library ??= createRequire(import.meta.url)('date-holidays') as typeof HolidaysLibrary;
	return library;
}

function getInstance(country: string, region: string | undefined, language: string): HolidaysLibrary {
	const key = `${country}/${region ?? ''}/${language}`;
	let instance = instances.get(key);
	if (instance === undefined) {
		const Holidays = loadLibrary();
		instance = region === undefined ? new Holidays(country) : new Holidays(country, region);
		// Names in the plan's language when the data has them; the library falls back to the country's own.
		instance.setLanguages(language);
		instances.set(key, instance);
	}
	return instance;
}

/** Public holidays (days off by law) of `country`/`region` in `year`, named in `language` where known. */
export const getPublicHolidays: HolidaySource = (country, region, year, language) => {
	const key = `${country}/${region ?? ''}/${language}/${year}`;
	memo.years[key] ??= getInstance(country, region, language)
		.getHolidays(year, language)
		.filter((holiday) => holiday.type === 'public')
		// "2026-03-20 00:00:00 -0600": the first ten characters are the local day.
		.map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }));
	return memo.years[key];
};

/** The country's name in `language` (English when the library has none); `undefined` for an unknown code. */
export function getCountryName(country: string, language: string): string | undefined {
	return getCountryNames(language)[country] ?? getCountryNames('en')[country];
}

// The library builds the whole list on each call; a check names a country once per problem.
function getCountryNames(language: string): Record<string, string> {
	memo.countries[language] ??= (new (loadLibrary())().getCountries(language) as Record<string, string> | undefined) ?? {};
	return memo.countries[language];
}

/** The region codes the library knows for `country`, e.g. ["BE", "BY", ...] for "DE"; empty when none. */
export function getRegionCodes(country: string): string[] {
	memo.regions[country] ??= Object.keys((new (loadLibrary())().getStates(country) as Record<string, string> | undefined) ?? {});
	return memo.regions[country];
}

/** Everything looked up so far (the memo itself: do not change it). */
export function exportHolidayMemo(): HolidayMemo {
	return memo;
}

/**
 * Starts from answers kept by an earlier run of the same library version (the caller checks
 * that); what this run looks up is added to them.
 */
export function primeHolidayMemo(kept: HolidayMemo): void {
	memo = { years: { ...kept.years, ...memo.years }, countries: { ...kept.countries, ...memo.countries }, regions: { ...kept.regions, ...memo.regions } };
}
