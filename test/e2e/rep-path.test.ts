/**
 * The rep's path on a fresh copy of the project, for each template and locale: `npm run new`,
 * `npm run check` (only placeholder warnings), `npm run build` refusing the placeholders, the
 * placeholders filled as a rep would, `npm run report -- --json` on time, one `npm run build` for
 * all four deals, and each deal's address unlocked in Chromium with the password `new` printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { findPlaceholderTexts } from '../../src/lib/placeholders.ts';
import { ReportSchema } from '../../src/schema/report.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const SITE_URL = 'https://plans.example.test';
const TODAY = '2026-12-04';
const NPM = 'npm';

interface Case {
	slug: string;
	template: 'full' | 'light';
	locale: 'en' | 'id';
	buyer: string;
	/** Real people for the template's stand-ins, in order. */
	people: string[];
	/** Texts a rep writes for the other placeholders, used in order. */
	texts: string[];
}

const CASES: Case[] = [
	{
		slug: 'acme-full',
		template: 'full',
		locale: 'en',
		buyer: 'Acme Freight',
		people: ['Priya Shah', 'Tom Becker', 'Ines Duarte', 'Kwame Mensah', 'Lucy Adams', 'Ravi Nair', 'Nina Park', 'Leo Fontaine'],
		texts: ['One view of every shipment for the planners', 'Planners answer a customer in under five minutes', 'Month-end close in two days, by March', 'Acme runs 40 depots on spreadsheets that disagree. The peak season starts in March.'],
	},
	{
		slug: 'acme-light',
		template: 'light',
		locale: 'en',
		buyer: 'Acme Bikes',
		people: ['Jo Marsh', 'Ada Brook', 'Nina Park'],
		texts: ['Acme wants to know whether one daily report can replace five spreadsheets, before the spring rush.'],
	},
	{
		slug: 'nusantara-full',
		template: 'full',
		locale: 'id',
		buyer: 'Nusantara Logistik',
		people: ['Ratna Sari', 'Bambang Hartono', 'Indah Permata', 'Joko Susilo', 'Maya Anggraini', 'Fajar Nugroho', 'Lestari Dewi', 'Rizky Ramadhan'],
		texts: ['Satu tampilan untuk semua pengiriman', 'Perencana menjawab pelanggan dalam lima menit', 'Tutup buku bulanan dalam dua hari, paling lambat Maret', 'Nusantara Logistik mengelola 40 gudang dengan lembar kerja yang saling berbeda. Musim ramai dimulai bulan Maret.'],
	},
	{
		slug: 'nusantara-light',
		template: 'light',
		locale: 'id',
		buyer: 'Toko Sepeda Nusantara',
		people: ['Wulan Sari', 'Arif Budiman', 'Lestari Dewi'],
		texts: ['Toko ingin tahu apakah satu laporan harian bisa menggantikan lima lembar kerja sebelum musim ramai.'],
	},
];

/** A person's name as an id, the way the template writes ids: "Priya Shah" is `priya-shah`. */
function toPersonId(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Fills the placeholders as a rep would in an editor: real names (and their ids), then the texts. */
function fillPlaceholders(source: string, { people, texts }: Case): string {
	let filled = source;
	const standIns = [...source.matchAll(/^ {2}- id: ([a-z-]+)\n {4}name: "\[\[([^\]]+)\]\]"$/gm)];
	expect(standIns).toHaveLength(people.length);
	standIns.forEach(([, id, name], index) => {
		filled = filled.replace(`"[[${name}]]"`, people[index]).replaceAll(new RegExp(`\\b${id}\\b`, 'g'), toPersonId(people[index]));
	});
	const left = findPlaceholderTexts(filled);
	expect(left).toHaveLength(texts.length);
	left.forEach((placeholder, index) => {
		filled = filled.replace(`"${placeholder}"`, JSON.stringify(texts[index])).replace(placeholder, texts[index]);
	});
	return filled;
}

/** Every file git tracks but the plans, copied; installed packages linked entry by entry so caches stay apart. */
async function copyProject(target: string): Promise<void> {
	const files = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
	for (const file of files) {
		if (file.startsWith('plans/') && file.endsWith('.mdx')) continue;
		await mkdir(dirname(join(target, file)), { recursive: true });
		await copyFile(join(ROOT, file), join(target, file));
	}
	await mkdir(join(target, 'node_modules'));
	for (const entry of await readdir(join(ROOT, 'node_modules'))) {
		// Dot entries are per-project caches (.astro, .vite), except .bin, which npm run puts on PATH.
		if (!entry.startsWith('.') || entry === '.bin') await symlink(join(ROOT, 'node_modules', entry), join(target, 'node_modules', entry));
	}
	await mkdir(join(target, 'plans'), { recursive: true });
}

describe.skipIf(skipWithoutChromium())('the rep\'s path from npm run new to an unlocked site (needs Chromium at /usr/bin/chromium)', () => {
	let project = '';
	const passwords = new Map<string, string>();
	const siteSecrets = new Set<string>();
	const env = {
		...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_') && !name.startsWith('MAPSITE_'))),
		MAP_TODAY: TODAY,
		MAPSITE_SITE_URL: SITE_URL,
	};
	const run = (script: string, args: string[] = []) => {
		const result = spawnSync(NPM, ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], { cwd: project, encoding: 'utf8', env });
		return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
	};

	beforeAll(async () => {
		project = join(await mkdtemp(join(tmpdir(), 'mapsite-rep-path-')), 'project');
		await copyProject(project);
	}, 120_000);

	afterAll(async () => {
		if (project) await rm(dirname(project), { recursive: true, force: true });
	});

	test.each(CASES)('npm run new writes the $template plan in $locale, and check warns only about its placeholders', async (rep) => {
		const created = run('new', [rep.slug, '--buyer', rep.buyer, '--seller', 'Tidewell Data', '--template', rep.template, '--locale', rep.locale]);
		expect(created.status, created.output).toBe(0);
		const password = /^Site password: (\S+)$/m.exec(created.stdout)?.[1];
		expect(password).toMatch(/^[A-Za-z2-9]{24}$/);
		passwords.set(rep.slug, password!);
		expect(created.stdout).toContain(`plans/${rep.slug}.mdx`);
		// The first `new` of a fresh clone also creates the site secret, kept by every later one.
		const { siteSecret } = JSON.parse(await readFile(join(project, 'mapsite.secrets.json'), 'utf8'));
		expect(siteSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(created.stdout.includes('Created the site secret')).toBe(siteSecrets.size === 0);
		siteSecrets.add(siteSecret);
		expect(siteSecrets.size).toBe(1);

		const checked = run('check');
		expect(checked.status, checked.output).toBe(0);
		const warnings = checked.output.split('\n').filter((line) => line.startsWith(`plans/${rep.slug}.mdx:`));
		expect(warnings.length).toBeGreaterThan(0);
		for (const line of warnings) expect(line).toMatch(/^plans\/[a-z-]+\.mdx:\d+: warning: \S+ still holds the placeholder "\[\[.+\]\]"\.$/);
		expect(checked.output).toMatch(/ checked: 0 errors, \d+ warnings/);
	}, 120_000);

	test('npm run build refuses to publish while placeholders are left, and writes nothing', () => {
		const built = run('build');
		expect(built.status).toBe(1);
		expect(built.output).toContain('still holds the placeholder');
		expect(built.output).toContain('nothing was built. Text in [[…]] is a template placeholder');
		expect(existsSync(join(project, 'dist'))).toBe(false);
	}, 300_000);

	test.each(CASES)('the $template plan in $locale, filled in, checks clean and reports on time', async (rep) => {
		const file = join(project, 'plans', `${rep.slug}.mdx`);
		await writeFile(file, fillPlaceholders(await readFile(file, 'utf8'), rep));
		const checked = run('check');
		expect(checked.status, checked.output).toBe(0);
		expect(checked.output).not.toContain(`plans/${rep.slug}.mdx:`);

		const reported = run('report', ['--json']);
		expect(reported.status, reported.stderr).toBe(0);
		const plan = ReportSchema.parse(JSON.parse(reported.stdout)).plans.find((entry) => entry.slug === rep.slug)!;
		expect(plan.decision?.slipDays).toBe(0);
		expect(plan.decision?.projected).toBe(plan.decision?.planned);
		expect(plan.late).toEqual([]);
		expect(plan.atRisk).toEqual([]);
		expect(plan.health.level).toBe('green');
	}, 120_000);

	describe('after one build of all four deals', () => {
		let browser: Browser;
		let origin = '';
		let close = () => {};
		let buildOutput = '';

		beforeAll(async () => {
			const built = run('build');
			buildOutput = built.output;
			expect(built.status, built.output).toBe(0);
			const served = await serveStatic(join(project, 'dist'));
			origin = served.url;
			close = () => served.server.close();
			browser = await chromium.launch({
				executablePath: CHROMIUM,
				args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
			});
			await mkdir(SHOTS, { recursive: true });
		}, 900_000);

		afterAll(async () => {
			await browser?.close();
			close();
		});

		test.each(CASES)('the $template deal in $locale opens at its address with the password new printed', async (rep) => {
			// The address the build publishes: the site URL and the deal's id derived from the site secret.
			// The build prints it, so the link the rep copies is the one that opens.
			const id = await deriveDealPathId(Buffer.from([...siteSecrets][0], 'base64url'), rep.slug);
			const address = `${SITE_URL}/${id}/`;
			expect(buildOutput).toContain(address);
			expect(buildOutput).not.toContain('[[');
			// Nothing the rep cannot act on: Vite's per-plan warning about Astro's own directive is filtered.
			expect(buildOutput).not.toMatch(/\[WARN\] \[vite\]/);
			for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]] as const) {
				const page = await browser.newPage({ viewport: { width, height } });
				await page.goto(address.replace(SITE_URL, origin));
				await page.fill('#mapsite-gate-password', passwords.get(rep.slug)!);
				await page.click('#mapsite-gate-form button[type=submit]');
				await page.waitForSelector('mapsite-content:not([hidden]) h1', { timeout: 30_000 });
				const text = (await page.textContent('mapsite-content')) ?? '';
				expect(text).toContain(rep.buyer);
				// Owners are shown by the names the rep wrote in, through the renamed ids.
				expect(rep.people.filter((name) => text.includes(name)).length).toBeGreaterThan(0);
				expect(text).not.toContain('[[');
				expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
				await page.screenshot({ path: join(SHOTS, `rep-path-${rep.slug}-${name}.png`), fullPage: true });
				await page.close();
			}
		}, 120_000);
	});
});
