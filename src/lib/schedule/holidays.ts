/**
 * Public holidays from `date-holidays`, the kept library with rules for some 200 countries
 * (moving feasts such as Idul Fitri included). Build time only: the buyer's browser never
 * loads this module, so the library's data stays out of client JavaScript.
 */
import Holidays from 'date-holidays';
import type { Holiday, HolidaySource } from './working-calendar.ts';

// One Holidays object per country, region and language; each year's list is asked once.
const instances = new Map<string, Holidays>();
const years = new Map<string, readonly Holiday[]>();

function getInstance(country: string, region: string | undefined, language: string): Holidays {
	const key = `${country}/${region ?? ''}/${language}`;
	let instance = instances.get(key);
	if (instance === undefined) {
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
	let found = years.get(key);
	if (found === undefined) {
		found = getInstance(country, region, language)
			.getHolidays(year, language)
			.filter((holiday) => holiday.type === 'public')
			// "2026-03-20 00:00:00 -0600": the first ten characters are the local day.
			.map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }));
		years.set(key, found);
	}
	return found;
};

/** The country's name in `language` (English when the library has none); `undefined` for an unknown code. */
export function getCountryName(country: string, language: string): string | undefined {
	return getCountryNames(language)[country] ?? getCountryNames('en')[country];
}

// The library builds the whole list on each call; a check names a country once per problem.
const countryNames = new Map<string, Record<string, string>>();
function getCountryNames(language: string): Record<string, string> {
	let names = countryNames.get(language);
	if (names === undefined) {
		names = (new Holidays().getCountries(language) as Record<string, string> | undefined) ?? {};
		countryNames.set(language, names);
	}
	return names;
}

/** The region codes the library knows for `country`, e.g. ["BE", "BY", ...] for "DE"; empty when none. */
export function getRegionCodes(country: string): string[] {
	return Object.keys((new Holidays().getStates(country) as Record<string, string> | undefined) ?? {});
}
