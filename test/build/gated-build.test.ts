/**
 * Builds the bundled example plans once with test secrets and checks what a stranger with the
 * URLs could fetch: neutral shells and ciphertext, nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { getPaddedSize, decryptFile, deriveContentKey, importContentKey, buildFileAad, decodeUtf8, deriveDealPathId, unwrapContentKey } from '../../src/lib/crypto/index.ts';
import { parseGateManifest } from '../../src/lib/gate/manifest.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const SITE_SECRET = 'x'.repeat(43);
const SLUGS = ['northwind-data-platform', 'harbor-lightweight', 'meridian-closed-won', 'sinar-pangan-gudang'];
const PASSWORDS = Object.fromEntries(SLUGS.map((slug) => [`MAP_PASSWORD_${slug.toUpperCase().replace(/-/g, '_')}`, `${slug} brass lantern 47`]));

function runBuild(dist: string, env: Record<string, string | undefined>) {
	// No secrets file may leak into the test: only what the test passes counts.
	const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_')));
	return spawnSync(process.execPath, [ASTRO, 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...base, MAP_TODAY: '2026-11-23', MAPSITE_SITE_URL: 'https://plans.example.test', MAPSITE_DIST: dist, MAPSITE_SECRETS: join(dist, '..', 'none.json'), ...env },
	});
}

async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * The phrases of a plan that only its buyer may read, chosen without the production scanner:
 * every person's name, email and phone, the buyer's name, and every text value of two words or
 * more and 12 characters or more outside the seller's own fields (the password page shows the
 * seller on purpose) and the settings (brand, share, locale, dates).
 */
function listDistinctivePhrases(source: string): string[] {
	const frontmatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]) as Record<string, unknown>;
	const phrases = new Set<string>();
	const visit = (value: unknown, path: string): void => {
		if (typeof value === 'string') {
			const isIdentity = /^(buyer\.name|stakeholders\.\d+\.(name|email|phone))$/.test(path);
			if (isIdentity || (value.length >= 12 && /\S\s+\S/.test(value))) phrases.add(value);
		} else if (Array.isArray(value)) value.forEach((item, at) => visit(item, `${path}.${at}`));
		else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) visit(item, path ? `${path}.${name}` : name);
	};
	for (const [field, value] of Object.entries(frontmatter)) {
		if (!['seller', 'brand', 'share', 'locale', 'status', 'access'].includes(field)) visit(value, field);
	}
	return [...phrases];
}

/** Text as a search would see it: HTML entities decoded, case and runs of white space ignored. */
function normalizeText(text: string): string {
	return text
		.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' })[entity]!)
		.replace(/\s+/g, ' ')
		.toLowerCase();
}

/** A published file as text; gzip files (search fragments, say) are unpacked first. */
function readAsText(bytes: Buffer): string {
	return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The gate manifest a shell publishes for the loader. */
function readManifest(shell: string) {
	return parseGateManifest(/<script type="application\/json" id="mapsite-gate">([^<]*)<\/script>/.exec(shell)![1]);
}

describe('a gated build', () => {
	let dist = '';
	let output = '';
	let buildPid = 0;
	beforeAll(async () => {
		dist = join(await mkdtemp(join(tmpdir(), 'mapsite-build-')), 'dist');
		const result = runBuild(dist, { MAP_SITE_SECRET: SITE_SECRET, ...PASSWORDS });
		output = result.stdout + result.stderr;
		buildPid = result.pid;
		expect(result.status, output).toBe(0);
	});

	test('publishes every page of every deal as a shell plus an encrypted payload under an unguessable id', async () => {
		const files = await listFiles(dist);
		for (const slug of SLUGS) {
			const id = await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), slug);
			expect(files).toContain(`${id}/index.html`);
			expect(files).toContain(`${id}/index.html.enc`);
			expect(files.some((file) => file.includes(slug))).toBe(false);
		}
	});

	// Judged without the production scanner (src/lib/leak-scan.ts), which this build is checking:
	// the test picks its own phrases, opens every payload as a buyer's browser does (password,
	// wrapped key, AES-GCM) and looks for the phrases with a deliberately plain byte search.
	test('shows each distinctive plan phrase only inside payloads that open with the deal password', async () => {
		const published = await Promise.all((await listFiles(dist)).map(async (path) => ({ path, bytes: await readFile(join(dist, path)) })));
		const opened = new Map<string, string>();
		for (const slug of SLUGS) {
			const id = await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), slug);
			const manifest = readManifest(published.find((file) => file.path === `${id}/index.html`)!.bytes.toString('utf8'));
			const key = await importContentKey(await unwrapContentKey(`${slug} brass lantern 47`, manifest.wrappedKey, id));
			const texts: string[] = [];
			for (const file of published.filter((item) => item.path.startsWith(`${id}/`) && item.path.endsWith('.enc'))) {
				// Every payload must open with this deal's key under its own path: nothing else is ciphertext.
				const plain = await decryptFile(key, file.bytes, buildFileAad(id, manifest.buildId, file.path.slice(id.length + 1)));
				if (file.path.endsWith('.html.enc')) texts.push(decodeUtf8(plain));
			}
			expect(texts.length, slug).toBeGreaterThanOrEqual(5);
			opened.set(slug, normalizeText(texts.join('\n')));
		}
		const readable = published.map((file) => ({ path: file.path, text: normalizeText(readAsText(file.bytes)) }));
		const found: string[] = [];
		let phrases = 0;
		for (const slug of SLUGS) {
			for (const phrase of listDistinctivePhrases(await readFile(join(ROOT, 'plans', `${slug}.mdx`), 'utf8'))) {
				phrases++;
				const needle = normalizeText(phrase);
				// The phrase is really on the buyer's pages, so not finding it outside them means something.
				expect(opened.get(slug), `${slug}: "${phrase}" is not on any decrypted page`).toContain(needle);
				for (const file of readable) {
					if (file.text.includes(needle) || normalizeText(file.path).includes(needle)) found.push(`${file.path}: "${phrase}" (${slug})`);
				}
			}
			for (const file of readable) if (file.path.includes(slug)) found.push(`${file.path}: names ${slug}`);
		}
		expect(phrases).toBeGreaterThan(100);
		expect(found).toEqual([]);
	});

	test('encrypts the real content: the payload opens with the deal key and holds the plan', async () => {
		const secret = Buffer.from(SITE_SECRET, 'base64url');
		const id = await deriveDealPathId(secret, 'northwind-data-platform');
		const key = await importContentKey(await deriveContentKey(secret, 'northwind-data-platform', 1));
		const payload = new Uint8Array(await readFile(join(dist, id, 'index.html.enc')));
		const { buildId } = readManifest(await readFile(join(dist, id, 'index.html'), 'utf8'));
		const html = decodeUtf8(await decryptFile(key, payload, buildFileAad(id, buildId, 'index.html.enc')));
		expect(html).toContain('Northwind Freight');
		expect(html).toMatch(/^<mapsite-content/);
	});

	test('publishes every encrypted file at a bucket size, so deals of very different sizes publish pages of equal size', async () => {
		const secret = Buffer.from(SITE_SECRET, 'base64url');
		const paths = (await listFiles(dist)).filter((path) => path.endsWith('.enc'));
		const sizes = new Map(await Promise.all(paths.map(async (path) => [path, (await readFile(join(dist, path))).length] as const)));
		// magic + nonce + tag = 32 bytes around the padded ciphertext.
		for (const [path, size] of sizes) expect(getPaddedSize(size - 32 - 4), path).toBe(size - 32);
		const deal = async (slug: string) => {
			const id = await deriveDealPathId(secret, slug);
			const key = await importContentKey(await deriveContentKey(secret, slug, 1));
			const { buildId } = readManifest(await readFile(join(dist, id, 'index.html'), 'utf8'));
			const open = async (name: string) => (await decryptFile(key, new Uint8Array(await readFile(join(dist, id, name))), buildFileAad(id, buildId, name))).length;
			return { id, open };
		};
		// The full template's deal and the one-page light template's deal.
		const big = await deal('northwind-data-platform');
		const small = await deal('harbor-lightweight');
		// Twice the risks, check-ins and owed items, and the calendar archive (files.enc) 3.6 times as large.
		for (const name of ['risks/index.html.enc', 'checkins/index.html.enc', 'owe/index.html.enc', 'summary/index.html.enc', 'files.enc']) {
			expect(await big.open(name), name).toBeGreaterThan((await small.open(name)) * 1.3);
			expect(sizes.get(`${big.id}/${name}`), name).toBe(sizes.get(`${small.id}/${name}`));
		}
	});

	test('removes its plaintext staging folder after publishing', async () => {
		// Only this build's folder: other builds may be running at the same time.
		expect(buildPid).toBeGreaterThan(0);
		expect(existsSync(join(ROOT, '.mapsite', `stage-${buildPid}`))).toBe(false);
	});
});

describe('a build without passwords', () => {
	test('stops before rendering, names every variable to set, and writes nothing', async () => {
		const dist = join(await mkdtemp(join(tmpdir(), 'mapsite-build-')), 'dist');
		const result = runBuild(dist, { MAP_SITE_SECRET: SITE_SECRET, MAP_PASSWORD_HARBOR_LIGHTWEIGHT: 'only-one' });
		expect(result.status).not.toBe(0);
		const text = result.stdout + result.stderr;
		expect(text).toContain('3 gated plans have no password, so nothing was built');
		expect(text).toContain('MAP_PASSWORD_NORTHWIND_DATA_PLATFORM');
		expect(text).toContain('MAP_PASSWORD_MERIDIAN_CLOSED_WON');
		expect(text).toContain('MAP_PASSWORD_SINAR_PANGAN_GUDANG');
		expect(existsSync(dist)).toBe(false);
	});
});

describe('a build with weak passwords', () => {
	test('stops before rendering, names each weak password\'s variable and how to make a good one, and writes nothing', async () => {
		const dist = join(await mkdtemp(join(tmpdir(), 'mapsite-build-')), 'dist');
		const result = runBuild(dist, { ...PASSWORDS, MAP_SITE_SECRET: SITE_SECRET, MAP_PASSWORD_HARBOR_LIGHTWEIGHT: 'h', MAP_PASSWORD_MERIDIAN_CLOSED_WON: 'password1234' });
		expect(result.status).not.toBe(0);
		const text = result.stdout + result.stderr;
		expect(text).toContain('2 gated plans have passwords that could be guessed, so nothing was built:');
		expect(text).toContain('plans/harbor-lightweight.mdx: MAP_PASSWORD_HARBOR_LIGHTWEIGHT is too easy to guess: it is 1 character long');
		expect(text).toContain('plans/meridian-closed-won.mdx: MAP_PASSWORD_MERIDIAN_CLOSED_WON is too easy to guess: it scores');
		expect(text).toContain('openssl rand -base64 18');
		expect(text).not.toContain('password1234');
		expect(text).not.toMatch(/\n\s+at /);
		expect(existsSync(dist)).toBe(false);
	});
});
