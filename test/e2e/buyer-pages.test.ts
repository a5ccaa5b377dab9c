/**
 * The overview, the plan page and "what I owe" of the built examples in Debian's Chromium, as a buyer
 * on a phone uses them: where the deal stands on the first screen, one person's open actions in date
 * order, the plan filtered by a link, and a won deal that says so instead of projecting a decision.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/check-plan.ts';
import { getPlanStatuses } from '../../src/lib/status.ts';
import { sortByDate } from '../../src/lib/views/sort-by-date.ts';
import { buildExampleSite, EXAMPLE_SITE, getExamplePageUrl, type ExampleSite } from '../../src/node/example-site.ts';
import type { Plan } from '../../src/schema/plan.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const NORTHWIND = 'northwind-data-platform';
const MERIDIAN = 'meridian-closed-won';
const PHONE = { width: 390, height: 844 };

function readPlan(slug: string): Plan {
	const file = `plans/${slug}.mdx`;
	const checked = checkPlanSource(file, readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8'));
	if (!checked.plan) throw new Error(`${file} does not parse`);
	return checked.plan;
}

/** The person with the most open actions, so the check covers a real list; ties go to plan order. */
function pickBusiestPerson(plan: Plan): { id: string; openTitles: string[] } {
	const people = plan.stakeholders.map((person) => {
		const open = sortByDate(
			plan.actions.filter((action) => action.owner === person.id && action.status !== 'done'),
			(action) => action.due,
		);
		return { id: person.id, openTitles: open.map((action) => action.title) };
	});
	return people.reduce((best, person) => (person.openTitles.length > best.openTitles.length ? person : best));
}

describe.skipIf(skipWithoutChromium())('the buyer’s pages in Chromium (needs Chromium at /usr/bin/chromium)', () => {
	let site: ExampleSite;
	let browser: Browser;
	const northwind = readPlan(NORTHWIND);

	async function open(slug: string, path: string, viewport = PHONE): Promise<Page> {
		const page = await browser.newPage({ viewport });
		// The browser moves statuses on to the viewer's day; pin it to the build's day so the plan's own statuses hold.
		await page.clock.setFixedTime(new Date(`${EXAMPLE_SITE.today}T12:00:00`));
		const keyVersion = readPlan(slug).keyVersion ?? 1;
		await page.goto(await getExamplePageUrl(site.origin, slug, path, { keyVersion }));
		await page.locator('mapsite-content:not([hidden]) h1').waitFor({ timeout: 20_000 });
		return page;
	}

	/** Titles of the visible open-action rows of "what I owe", top to bottom, with their due dates. */
	function readVisibleOwed(page: Page): Promise<{ title: string; due: string }[]> {
		return page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('[data-owe-section] .item')]
				.filter((item) => item.offsetParent !== null)
				.map((item) => ({ title: item.querySelector('.item__title')?.textContent?.trim() ?? '', due: item.querySelector('time')?.getAttribute('datetime') ?? '' })),
		);
	}

	beforeAll(async () => {
		site = await buildExampleSite();
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
	}, 240_000);

	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	test('picking a person on “what I owe” shows exactly that person’s open actions, in date order', async () => {
		const person = pickBusiestPerson(northwind);
		expect(person.openTitles.length).toBeGreaterThan(1);
		const page = await open(NORTHWIND, 'owe/');
		// Without a choice every person's section shows.
		expect(await page.locator('[data-owe-section]:visible').count()).toBe(northwind.stakeholders.length);
		await page.locator('select[data-owe-person]').selectOption(person.id);
		const shown = await readVisibleOwed(page);
		expect(shown.map((row) => row.title)).toEqual(person.openTitles);
		expect(shown.map((row) => row.due)).toEqual([...shown.map((row) => row.due)].sort());
		expect(await page.locator('[data-owe-section]:visible').count()).toBe(1);
		await expect.poll(() => page.locator('[data-owe-status]').textContent()).toContain(`${person.openTitles.length} open action`);
		expect(new URL(page.url()).hash).toBe(`#${person.id}`);
		await page.close();
	});

	test('the People page links each person to what they owe, and the link shows only them', async () => {
		const person = pickBusiestPerson(northwind);
		const page = await open(NORTHWIND, 'people/');
		const name = northwind.stakeholders.find((stakeholder) => stakeholder.id === person.id)!.name;
		await page.getByRole('link', { name: `What ${name} owes` }).click();
		await page.waitForURL(/\/owe\//);
		await page.locator('mapsite-content:not([hidden]) h1').waitFor({ timeout: 20_000 });
		await expect.poll(() => page.locator('[data-owe-section]:visible').count()).toBe(1);
		expect((await readVisibleOwed(page)).map((row) => row.title)).toEqual(person.openTitles);
		await page.close();
	});

	test('a link to the plan page with ?owner= shows only that person’s open actions and says so', async () => {
		const person = pickBusiestPerson(northwind);
		const page = await open(NORTHWIND, `plan/?owner=${person.id}`);
		const visible = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-plan-open] > .action')].filter((row) => row.offsetParent !== null).map((row) => row.dataset.owner));
		expect(visible).toHaveLength(person.openTitles.length);
		expect(new Set(visible)).toEqual(new Set([person.id]));
		expect(await page.locator('details[data-plan-done]:visible').count()).toBe(0);
		expect(await page.locator('[data-filter-status]').textContent()).toContain(`${person.openTitles.length}`);
		// Back to everyone: every open row shows again, and done work is folded under its count.
		await page.getByRole('button', { name: 'All', exact: true }).click();
		const openCount = northwind.actions.filter((action) => action.status !== 'done').length;
		expect(await page.locator('[data-plan-open] > .action:visible').count()).toBe(openCount);
		expect(new URL(page.url()).search).toBe('');
		await page.close();
	});

	test('the Late filter shows only late actions', async () => {
		const statuses = getPlanStatuses(northwind, EXAMPLE_SITE.today);
		const late = northwind.actions.filter((action) => statuses.actions.get(action.id) === 'late').map((action) => action.id);
		expect(late.length).toBeGreaterThan(0);
		const page = await open(NORTHWIND, 'plan/', { width: 1280, height: 800 });
		await page.getByRole('button', { name: 'Late', exact: true }).click();
		expect(await page.getByRole('button', { name: 'Late', exact: true }).getAttribute('aria-pressed')).toBe('true');
		const shown = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-plan-open] > .action')].filter((row) => row.offsetParent !== null).map((row) => row.querySelector('h3')!.id.replace(/^action-/, '')));
		expect(shown.sort()).toEqual([...late].sort());
		await page.close();
	});

	test('on a phone, the plan page starts with open work and folds done work under a count', async () => {
		const page = await open(NORTHWIND, 'plan/');
		const firstOpen = await page.locator('[data-plan-open] > .action').first().boundingBox();
		expect(firstOpen!.y).toBeLessThan(PHONE.height * 1.5);
		const done = northwind.actions.filter((action) => action.status === 'done').length;
		const folded = await page.evaluate(() => [...document.querySelectorAll('details[data-plan-done]')].map((fold) => [(fold as HTMLDetailsElement).open, fold.querySelectorAll('.action').length] as const));
		expect(folded.every(([isOpen]) => !isOpen)).toBe(true);
		expect(folded.reduce((sum, [, count]) => sum + count, 0)).toBe(done);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		await page.close();
	});

	test('the overview’s first phone screen, past the header, holds the status, progress, decision and next steps', async () => {
		const page = await open(NORTHWIND, '');
		const top = await page.evaluate(() => document.querySelector('.site-nav')!.getBoundingClientRect().bottom + scrollY);
		const bottomOf = (selector: string) => page.evaluate((sel) => document.querySelector(sel)!.getBoundingClientRect().bottom + scrollY, selector);
		for (const selector of ['#standing', '.standing-card .progress', '.decision', '#next-steps + .items > li:last-child']) {
			expect(await bottomOf(selector), selector).toBeLessThanOrEqual(top + PHONE.height);
		}
		expect(await page.locator('#next-steps + .items > li').count()).toBe(3);
		await page.close();
	});

	test('a won deal says so on the overview and on every page, and projects no decision', async () => {
		for (const path of ['', 'plan/', 'owe/', 'people/']) {
			const page = await open(MERIDIAN, path);
			const text = (await page.textContent('mapsite-content main')) ?? '';
			expect(text, path).toContain('Won');
			expect(text, path).not.toMatch(/Projected decision/);
			await page.close();
		}
	});
});
