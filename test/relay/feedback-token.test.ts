import { describe, expect, test } from 'vitest';
import { createFeedbackToken, readFeedbackToken, verifyFeedbackToken } from '../../src/relay/feedback-token.ts';

const SECRET = new Uint8Array(32).fill(7);
const OTHER_SECRET = new Uint8Array(32).fill(8);
const NORTHWIND = { routeId: 'k3v9q2xw7m4tp8ra', slug: 'northwind', keyVersion: 1 };

async function hmac(secret: Uint8Array<ArrayBuffer>, text: string): Promise<string> {
	const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text))).toString('base64url');
}

describe('createFeedbackToken', () => {
	test('names the route id, slug and key version, then the base64url HMAC-SHA256 over all three', async () => {
		const mac = await hmac(SECRET, 'mapsite feedback token v2\nk3v9q2xw7m4tp8ra\nnorthwind\n1');
		expect(await createFeedbackToken(SECRET, NORTHWIND)).toBe(`k3v9q2xw7m4tp8ra.northwind.1.${mac}`);
	});

	test.each([
		['another route id', { routeId: 'b6n2c5hz3ydfj7eu' }],
		['another slug', { slug: 'contoso' }],
		['the next key version', { keyVersion: 2 }],
	])('gives %s another MAC', async (_name, change) => {
		const first = (await createFeedbackToken(SECRET, NORTHWIND)).split('.')[3];
		const other = (await createFeedbackToken(SECRET, { ...NORTHWIND, ...change })).split('.')[3];
		expect(other).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(other).not.toBe(first);
	});

	test('refuses a secret shorter than 32 bytes', async () => {
		await expect(createFeedbackToken(new Uint8Array(16), NORTHWIND)).rejects.toThrowErrorMatchingInlineSnapshot(
			`[RangeError: The relay secret must be at least 32 bytes, got 16.]`,
		);
	});

	test.each([
		['a slug with a dot', { slug: 'north.wind' }],
		['an upper-case route id', { routeId: 'K3V9' }],
		['key version 0', { keyVersion: 0 }],
		['a fractional key version', { keyVersion: 1.5 }],
	])('refuses to make a token the relay could not read back: %s', async (_name, change) => {
		await expect(createFeedbackToken(SECRET, { ...NORTHWIND, ...change })).rejects.toThrow(/No feedback token can be made/);
	});
});

describe('readFeedbackToken', () => {
	test('gives back the claims of a token the same secret made', async () => {
		const token = await createFeedbackToken(SECRET, NORTHWIND);
		expect(await readFeedbackToken(SECRET, token)).toEqual({ ...NORTHWIND, mac: token.split('.')[3] });
	});

	test.each([
		['a token made with another secret', async () => createFeedbackToken(OTHER_SECRET, NORTHWIND)],
		['a token whose slug was changed', async () => (await createFeedbackToken(SECRET, NORTHWIND)).replace('.northwind.', '.contoso.')],
		['a token whose route id was changed', async () => (await createFeedbackToken(SECRET, NORTHWIND)).replace('k3v9', 'aaaa')],
		['a token whose key version was raised', async () => (await createFeedbackToken(SECRET, NORTHWIND)).replace('.1.', '.2.')],
		['a token cut short', async () => (await createFeedbackToken(SECRET, NORTHWIND)).slice(0, -1)],
		['the old slug-only token', async () => hmac(SECRET, 'feedback:k3v9q2xw7m4tp8ra')],
		['text that is not a token', async () => 'not a token!'],
		['an empty token', async () => ''],
	])('refuses %s', async (_name, makeToken) => {
		expect(await readFeedbackToken(SECRET, await makeToken())).toBeUndefined();
	});
});

describe('verifyFeedbackToken', () => {
	test('refuses a MAC that is not 32 bytes without asking WebCrypto', async () => {
		expect(await verifyFeedbackToken(SECRET, { ...NORTHWIND, mac: 'AAAA' })).toBe(false);
	});
});
