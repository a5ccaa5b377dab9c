import { describe, expect, test } from 'vitest';
import { createFeedbackToken, verifyFeedbackToken } from '../../src/relay/feedback-token.ts';

const SECRET = new Uint8Array(32).fill(7);
const OTHER_SECRET = new Uint8Array(32).fill(8);

describe('createFeedbackToken', () => {
	test('is the base64url HMAC-SHA256 of "feedback:" and the deal id', async () => {
		const key = await crypto.subtle.importKey('raw', SECRET, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
		const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('feedback:abc123')));
		expect(await createFeedbackToken(SECRET, 'abc123')).toBe(Buffer.from(mac).toString('base64url'));
	});

	test('gives each deal its own 43-character token', async () => {
		const first = await createFeedbackToken(SECRET, 'deal-a');
		expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await createFeedbackToken(SECRET, 'deal-b')).not.toBe(first);
	});

	test('refuses a secret shorter than 32 bytes', async () => {
		await expect(createFeedbackToken(new Uint8Array(16), 'deal-a')).rejects.toThrowErrorMatchingInlineSnapshot(
			`[RangeError: The relay secret must be at least 32 bytes, got 16.]`,
		);
	});
});

describe('verifyFeedbackToken', () => {
	test('accepts the token made for the same deal and secret', async () => {
		expect(await verifyFeedbackToken(SECRET, 'deal-a', await createFeedbackToken(SECRET, 'deal-a'))).toBe(true);
	});

	test.each([
		['a token for another deal', async () => createFeedbackToken(SECRET, 'deal-b')],
		['a token made with another secret', async () => createFeedbackToken(OTHER_SECRET, 'deal-a')],
		['a token cut short', async () => (await createFeedbackToken(SECRET, 'deal-a')).slice(0, 42)],
		['text that is not base64url', async () => 'not a token!'],
		['an empty token', async () => ''],
	])('rejects %s', async (_name, makeToken) => {
		expect(await verifyFeedbackToken(SECRET, 'deal-a', await makeToken())).toBe(false);
	});
});
