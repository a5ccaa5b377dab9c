import { describe, expect, expectTypeOf, test } from 'vitest';
import { en, type Messages } from '../../src/i18n/messages/en.ts';
import { id } from '../../src/i18n/messages/id.ts';
import { ITEM_STATUSES } from '../../src/lib/status.ts';

type Entry = { path: string; kind: 'string' | 'function' | 'object'; value: unknown };

function listEntries(catalogue: object, prefix = ''): Entry[] {
	return Object.entries(catalogue).flatMap(([key, value]): Entry[] => {
		const path = prefix + key;
		if (typeof value === 'string') return [{ path, kind: 'string', value }];
		if (typeof value === 'function') return [{ path, kind: 'function', value }];
		if (value !== null && typeof value === 'object') {
			return [{ path, kind: 'object', value }, ...listEntries(value, `${path}.`)];
		}
		return [{ path: `${path} (${typeof value})`, kind: 'object', value }];
	});
}

// Answers every parameter with 3, which reads as a number and interpolates as text.
const sampleArgument = new Proxy(
	{},
	{ get: (_target, key) => (key === Symbol.toPrimitive ? () => 'Sample' : 3) },
);

function render(entry: Entry): string {
	if (entry.kind === 'string') return entry.value as string;
	// String() because an identity message such as planCalendarName hands the sample straight back.
	return String((entry.value as (...args: unknown[]) => unknown)(sampleArgument, sampleArgument));
}

const catalogues = { en, id } satisfies Record<string, Messages>;
const leaves = Object.entries(catalogues).flatMap(([locale, catalogue]) =>
	listEntries(catalogue)
		.filter((entry) => entry.kind !== 'object')
		.map((entry) => ({ locale, ...entry })),
);

describe('en', () => {
	test('names every item status the site can show', () => {
		expect(Object.keys(en.itemStatus).sort()).toEqual([...ITEM_STATUSES].sort());
	});

	test('demands every parameter of a message with values', () => {
		expectTypeOf(en.progress.summary).parameter(0).toEqualTypeOf<{ done: number; total: number; percent: number }>();
		// @ts-expect-error -- `percent` is missing, which must not compile.
		expect(en.progress.summary({ done: 1, total: 2 })).toBe('1 of 2 done, NaN%');
	});
});

describe('id', () => {
	test('has the same keys, of the same kinds, as the English source', () => {
		const shape = (catalogue: object) => listEntries(catalogue).map(({ path, kind }) => `${path}: ${kind}`);
		expect(shape(id)).toEqual(shape(en));
	});

	test('takes as many arguments in each message function as English does', () => {
		const arity = (catalogue: object) =>
			listEntries(catalogue)
				.filter((entry) => entry.kind === 'function')
				.map((entry) => `${entry.path}/${(entry.value as () => string).length}`);
		expect(arity(id)).toEqual(arity(en));
	});

	test('cannot be typed as Messages when a key is missing', () => {
		const { languageName, ...withoutName } = id;
		// @ts-expect-error -- the Messages type requires `languageName`.
		const broken: Messages = withoutName;
		expect(languageName).toBe('Bahasa Indonesia');
		expect('languageName' in broken).toBe(false);
	});

	test('uses the Indonesian words for item statuses', () => {
		expect(id.itemStatus).toEqual({
			done: 'Selesai',
			late: 'Terlambat',
			blocked: 'Terblokir',
			'at-risk': 'Berisiko',
			'due-soon': 'Segera jatuh tempo',
			'on-track': 'Sesuai jadwal',
		});
	});
});

describe.each(Object.keys(catalogues))('the %s catalogue', (locale) => {
	const own = leaves.filter((leaf) => leaf.locale === locale);

	test.each(own.map((leaf) => [leaf.path, leaf] as const))('gives %s a non-empty text', (_path, leaf) => {
		const text = render(leaf);
		expect(text.trim()).not.toBe('');
		// The gate's messages travel to the browser as JSON, so their one placeholder is filled there.
		// So do the feedback email's, whose placeholders compose-email.ts fills; any other name is a typo.
		const filled =
			leaf.path === 'gateShell.messages.wait'
				? text.replace('{seconds}', '5')
				: leaf.path.startsWith('feedbackEmail.')
					? text.replace(/\{(from|action|date|plan|what)\}/g, 'Sample')
					: text;
		expect(filled).not.toMatch(/undefined|NaN|\[object |\{\w+\}/);
	});
});
