import { describe, expect, test } from 'vitest';
import { answerRelayCheck, createRelayCheck, isRelayCheck, isRelayCheckAnswered } from '../../../src/lib/feedback/relay-check.ts';

const SECRET = new Uint8Array(32).fill(3);
const OTHER = new Uint8Array(32).fill(4);

describe('answerRelayCheck', () => {
	test('answers a check signed with its secret with a proof the checker accepts', async () => {
		const request = await createRelayCheck(SECRET);
		const answer = await answerRelayCheck(SECRET, JSON.parse(JSON.stringify(request)));
		expect(answer.status).toBe(200);
		expect(await isRelayCheckAnswered(SECRET, request, answer.body)).toBe(true);
		// The proof is tied to the secret and the nonce: another secret or another request does not accept it.
		expect(await isRelayCheckAnswered(OTHER, request, answer.body)).toBe(false);
		expect(await isRelayCheckAnswered(SECRET, await createRelayCheck(SECRET), answer.body)).toBe(false);
	});

	test('refuses a check signed with another secret, and an answer that only echoes the request', async () => {
		const request = await createRelayCheck(OTHER);
		expect(await answerRelayCheck(SECRET, request)).toEqual({ status: 403, body: { error: "The set-up check was signed with another secret than this relay's MAP_RELAY_SECRET.", check: 'wrong-secret' } });
		expect(await isRelayCheckAnswered(OTHER, request, request)).toBe(false);
	});

	test.each([{ check: 'short', proof: 'x' }, { check: 'a'.repeat(22) }, { check: 'a'.repeat(22), proof: 'b'.repeat(43), extra: 1 }])('says %j is not a check', async (data) => {
		expect((await answerRelayCheck(SECRET, data)).status).toBe(400);
	});
});

describe('isRelayCheck', () => {
	test('tells a set-up check from a feedback post', () => {
		expect(isRelayCheck({ check: 'x' })).toBe(true);
		expect(isRelayCheck({ deal: 'd', token: 't', form: {} })).toBe(false);
		expect(isRelayCheck(null)).toBe(false);
	});
});
