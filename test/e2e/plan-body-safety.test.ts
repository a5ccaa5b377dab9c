/**
 * Plan text never runs, in Debian's Chromium. Two gated plans are built: a hostile one whose body
 * carries the known ways of running script, loading from or posting to another site and covering
 * the page, and a normal narrative. The build's check would refuse the hostile plan, so this test
 * builds from a scratch project without the check: what is tested is the second and third walls,
 * the sanitiser on the rendered body and the Content-Security-Policy on every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addContentSecurityPolicy, buildContentSecurityPolicy } from '../../src/lib/gate/content-security-policy.ts';
import { getExampleEnv, getExamplePageUrl } from '../../src/node/example-site.ts';
import { createScratchProject } from '../../src/node/scratch-project.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { readTree } from '../helpers/build-site.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/plan-body/', import.meta.url));
const PAGES = ['', 'plan/', 'timeline/', 'dependencies/', 'people/', 'owe/', 'risks/', 'summary/', 'checkins/'];
const SHOTS = fileURLToPath(new URL('../../test-output/plan-body/', import.meta.url));

describe.skipIf(!existsSync(CHROMIUM))('plan text in Chromium (needs Chromium at /usr/bin/chromium)', () => {
	let work: string;
	let dist: string;
	let origin: string;
	let server: Server;
	let browser: Browser;
	// A stand-in for the feedback relay, on its own origin: what it received, and the policy naming it.
	let relay: Server;
	let relayUrl: string;
	let POLICY: string;
	const relayed: string[] = [];

	beforeAll(async () => {
		relay = createServer((request, response) => {
			const headers = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'content-type': 'application/json' };
			if (request.method === 'OPTIONS') return void response.writeHead(204, headers).end();
			let body = '';
			request.on('data', (chunk) => (body += chunk));
			request.on('end', () => {
				relayed.push(body);
				response.writeHead(503, headers).end('{}');
			});
		});
		await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
		relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/feedback`;
		POLICY = buildContentSecurityPolicy({ relayUrl });
		work = await mkdtemp(join(tmpdir(), 'mapsite-body-safety-'));
		const project = join(work, 'project');
		dist = join(work, 'dist');
		await createScratchProject(ROOT, project);
		for (const file of ['hostile.mdx', 'narrative.mdx', 'chart.png']) await cp(join(FIXTURES, file), join(project, 'plans', file));
		const config = await readFile(join(project, 'astro.config.mjs'), 'utf8');
		const withoutCheck = config.replace(/planCheck\(\{[^}]*\}\), /, '');
		expect(withoutCheck, 'the scratch config still runs the plan check').not.toBe(config);
		await writeFile(join(project, 'astro.config.mjs'), withoutCheck);
		const result = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: project,
			encoding: 'utf8',
			env: {
				...getExampleEnv(process.env),
				MAP_PASSWORD_HOSTILE: 'hostile plan password',
				MAP_PASSWORD_NARRATIVE: 'narrative plan password',
				MAPSITE_DIST: dist,
				MAPSITE_SECRETS: join(work, 'none.json'),
				MAPSITE_RELAY_URL: relayUrl,
				MAP_RELAY_SECRET: Buffer.alloc(32, 7).toString('base64url'),
			},
		});
		if (result.status !== 0) throw new Error(`Failed to build the site (exit ${result.status}).\n${result.stdout}${result.stderr}`);
		const served = await serveStatic(dist);
		server = served.server;
		origin = served.url;
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'] });
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
		if (work) await rm(work, { recursive: true, force: true });
	});

	/** A page that records every CSP violation, console complaint and dialog from its first byte. */
	async function openWatched(url: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; problems: string[] }> {
		const page = await browser.newPage({ viewport });
		const problems: string[] = [];
		page.on('dialog', (dialog) => {
			problems.push(`dialog: ${dialog.message()}`);
			void dialog.dismiss();
		});
		page.on('console', (message) => {
			if (/content security policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
		});
		await page.exposeFunction('reportViolation', (text: string) => problems.push(`violation: ${text}`));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				(window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.effectiveDirective} ${event.blockedURI}`);
			});
		});
		await page.goto(url);
		await page.locator('mapsite-content:not([hidden]) h1').waitFor({ timeout: 20_000 });
		return { page, problems };
	}

	test('every published HTML file carries the policy before anything it loads', async () => {
		const html = [...(await readTree(dist)).entries()].filter(([path]) => path.endsWith('.html'));
		expect(html.length).toBeGreaterThan(PAGES.length * 2);
		for (const [path, base64] of html) {
			const text = Buffer.from(base64, 'base64').toString('utf8');
			const head = text.slice(0, text.indexOf('</head>'));
			expect(head.match(/http-equiv="Content-Security-Policy"/g), path).toHaveLength(1);
			expect(head.indexOf('Content-Security-Policy'), path).toBeLessThan(Math.min(...['<script', '<link'].map((tag) => (head.includes(tag) ? head.indexOf(tag) : Infinity))));
		}
	});

	test('the hostile plan, unlocked, runs nothing, links nowhere unsafe and loads nothing from elsewhere', async () => {
		const { page, problems } = await openWatched(await getExamplePageUrl(origin, 'hostile', ''));
		const article = page.locator('mapsite-content article.prose');
		await expect.poll(() => article.textContent()).toContain('hover link');
		// Give every handler its chance: hover, focus, toggle and click what is left.
		await page.getByText('hover link').hover();
		await page.getByText('Toggle me').click();
		for (const name of ['javascript link', 'entity link', 'markdown link', 'entity markdown link', 'reference link', 'data link']) {
			await page.getByText(name, { exact: true }).click();
		}
		await page.waitForLoadState('networkidle');
		expect(page.url()).toContain(origin);
		expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
		const found = await article.evaluate((root) => ({
			handlers: [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.localName} ${attribute.name}`)),
			urls: [...root.querySelectorAll('[href], [src], [action], [data]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? element.getAttribute('data')),
			tags: [...root.querySelectorAll('script, iframe, object, embed, svg, meta, base, form, input, button, video, link, style')].map((element) => element.localName),
			styled: [...root.querySelectorAll('[style]')].length,
			hooks: [...root.querySelectorAll('[data-mapsite-lock], [data-mapsite-share], [data-mapsite-file]')].length,
		}));
		expect(found).toEqual({ handlers: [], urls: ['x', 'https://ok.example/'], tags: [], styled: 0, hooks: 0 });
		// Nothing covers the page: the page heading is still what a tap at the top reaches.
		expect(await page.evaluate(() => document.elementFromPoint(200, 100)?.closest('mapsite-content') !== null)).toBe(true);
		expect(await page.locator('head meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(POLICY);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('the gate shell carries the policy and still unlocks with the password', async () => {
		const page = await browser.newPage();
		const problems: string[] = [];
		page.on('console', (message) => {
			if (/content security policy/i.test(message.text())) problems.push(message.text());
		});
		await page.goto(await getExamplePageUrl(origin, 'narrative', 'plan/', { isShared: false }));
		expect(await page.locator('head meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(POLICY);
		await page.getByLabel('Password').fill('narrative plan password');
		await page.getByRole('button', { name: 'Unlock' }).click();
		await page.locator('mapsite-content:not([hidden]) h1').waitFor({ timeout: 20_000 });
		expect(problems).toEqual([]);
		await page.close();
	});

	test('a normal narrative still renders: links, lists, tables, details, images, code, diagrams and the provided components', async () => {
		const { page, problems } = await openWatched(await getExamplePageUrl(origin, 'narrative', ''));
		const article = page.locator('mapsite-content article.prose');
		// The image is lazy: it loads once scrolled to.
		await article.locator('img').scrollIntoViewIfNeeded();
		await article.locator('img').evaluate((image: HTMLImageElement) => image.decode());
		const shown = await article.evaluate((root) => ({
			links: [...root.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')).filter((href) => !href!.includes('user-content')),
			callout: root.querySelector('aside.callout--warning')?.textContent?.trim(),
			metric: root.querySelector('.metric__value')?.textContent,
			quote: root.querySelector('.quote figcaption')?.textContent,
			rows: root.querySelectorAll('table tbody tr').length,
			checkboxes: [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => box.checked),
			ordered: root.querySelectorAll('ol li').length,
			details: root.querySelector('details summary')?.textContent,
			image: (root.querySelector('img') as HTMLImageElement).naturalWidth,
			code: root.querySelector('pre.astro-code')?.textContent,
			diagram: root.querySelectorAll('.diagram-svg svg text').length,
			footnote: root.querySelector('section.footnotes li')?.textContent?.trim(),
			callout_styled: getComputedStyle(root.querySelector('aside.callout')!).borderInlineStartStyle,
		}));
		expect(shown).toEqual({
			links: ['https://docs.example.com/pilot', 'mailto:team@tidewell.example', '#what-happens-next', 'https://tidewell.example/'],
			callout: 'BudgetThe budget closes on December 15.',
			metric: '120',
			quote: 'Jo Marsh, Operations Director',
			rows: 2,
			checkboxes: [true, false],
			ordered: 3,
			details: 'How the report is built',
			image: 40,
			code: 'const stores = 5;',
			diagram: 2,
			footnote: 'Times are local to the flagship store. ↩',
			callout_styled: 'solid',
		});
		expect(problems).toEqual([]);
		await page.close();
	});

	test('every page of the narrative, search, calendar links and print work under the policy', async () => {
		for (const path of PAGES) {
			const { page, problems } = await openWatched(await getExamplePageUrl(origin, 'narrative', path));
			expect(await page.locator('head meta[http-equiv="Content-Security-Policy"]').count(), path).toBe(1);
			if (path === '') {
				const search = page.locator('[data-mapsite-search] input[type="search"]');
				await search.fill('spreadsheets');
				await expect.poll(() => page.locator('[data-mapsite-search-results] a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
				await page.emulateMedia({ media: 'print' });
				await page.pdf();
			}
			if (path === 'people/') {
				const links = page.locator('mapsite-content a.calendar-link');
				await expect.poll(() => links.evaluateAll((anchors) => anchors.length > 0 && anchors.every((anchor) => (anchor as HTMLAnchorElement).href.startsWith('blob:'))), { timeout: 15_000 }).toBe(true);
				const text = await links.first().evaluate(async (anchor) => (await fetch((anchor as HTMLAnchorElement).href)).text());
				expect(text).toContain('BEGIN:VCALENDAR');
			}
			if (path === 'dependencies/') expect(await page.locator('mapsite-content .diagram-svg svg').count()).toBeGreaterThan(0);
			await page.waitForLoadState('networkidle');
			expect(problems, path).toEqual([]);
			await page.close();
		}
	});

	test('the policy alone stops handlers, javascript: links and inline script that got past the sanitiser', async () => {
		const probe = `<!doctype html><html><head><meta charset="utf-8"><title>probe</title></head><body><p>probe</p></body></html>`;
		await writeFile(join(dist, 'csp-probe.html'), addContentSecurityPolicy(probe, POLICY));
		const page = await browser.newPage();
		const violations: string[] = [];
		await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
		await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { reportViolation: (text: string) => void }).reportViolation(event.effectiveDirective)));
		await page.goto(`${origin}/csp-probe.html`);
		// What the loader does with a decrypted page: parse it in a template, then move it into the document.
		await page.evaluate(() => {
			const template = document.createElement('template');
			template.innerHTML = '<img src="x" onerror="window.pwned=1"><a id="run" href="javascript:window.pwned=2">run</a><iframe srcdoc="x"></iframe><script>window.pwned=3</script>';
			document.body.append(template.content);
			const script = document.createElement('script');
			script.textContent = 'window.pwned = 4';
			document.body.append(script);
		});
		await page.locator('#run').click();
		// The handler (script-src-attr), the added script and the javascript: link (script-src-elem) are each refused.
		await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
		expect(violations).toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem']));
		expect(violations.filter((directive) => directive === 'script-src-elem').length).toBeGreaterThanOrEqual(2);
		expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
		await page.close();
	});

	test('pages may talk to the site and the relay, and to no other origin', async () => {
		const { page, problems } = await openWatched(await getExamplePageUrl(origin, 'narrative', ''));
		const results = await page.evaluate(
			async ([relay, elsewhere]) => {
				const attempt = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"probe":1}' }).then((response) => response.status, () => 'refused');
				return [await attempt(relay), await attempt(elsewhere)];
			},
			[relayUrl, relayUrl.replace('127.0.0.1', 'localhost')],
		);
		expect(results).toEqual([503, 'refused']);
		expect(relayed).toEqual(['{"probe":1}']);
		expect(problems.some((problem) => problem.startsWith('violation: connect-src'))).toBe(true);
		await page.close();
	});

	test.each([390, 1280])('the unlocked narrative and hostile overviews at %i px, saved for review, fit the width', async (width) => {
		await mkdir(SHOTS, { recursive: true });
		for (const slug of ['narrative', 'hostile']) {
			const { page, problems } = await openWatched(await getExamplePageUrl(origin, slug, ''), { width, height: width === 390 ? 844 : 800 });
			await page.locator('mapsite-content article.prose img').first().scrollIntoViewIfNeeded();
			await page.waitForLoadState('networkidle');
			await page.locator('mapsite-content article.prose').screenshot({ path: join(SHOTS, `${slug}-${width}.png`) });
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			expect(problems).toEqual([]);
			await page.close();
		}
	});

	test('the share card images the pages point to are served', async () => {
		const { page } = await openWatched(await getExamplePageUrl(origin, 'narrative', ''));
		const image = await page.locator('head meta[property="og:image"]').getAttribute('content');
		const response = await page.request.get(`${origin}${new URL(image!).pathname}`);
		expect(response.headers()['content-type']).toContain('image/png');
		await page.close();
	});
});
