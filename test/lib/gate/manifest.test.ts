import { describe, expect, test } from 'vitest';
import { GateError } from '../../../src/lib/crypto/index.ts';
import { buildKeyStorageName, parseGateManifest } from '../../../src/lib/gate/manifest.ts';

const valid = {
	v: 2,
	dealId: 'k3x7q2m9p4r8t6w1',
	buildId: 'QmVzdEJ1aWxkSWRFdmVy',
	wrappedKey: { v: 1, kdf: 'PBKDF2-SHA256', iterations: 1000, salt: 'c2FsdA', iv: 'aXY', wrapped: 'd3JhcA' },
	payload: 'index.mapsite',
	aad: 'index.html',
};

describe('buildKeyStorageName', () => {
	test('prefixes the deal id', () => {
		expect(buildKeyStorageName('k3x7q2m9p4r8t6w1')).toBe('mapsite:key:k3x7q2m9p4r8t6w1');
	});
});

describe('parseGateManifest', () => {
	test('returns a well-formed manifest unchanged', () => {
		expect(parseGateManifest(JSON.stringify(valid))).toEqual(valid);
	});

	test.each([
		['text that is not JSON', '{'],
		['an array', '[]'],
		['an older version without a build id', JSON.stringify({ ...valid, v: 1, buildId: undefined })],
		['a missing build id', JSON.stringify({ ...valid, buildId: undefined })],
		['an empty deal id', JSON.stringify({ ...valid, dealId: '' })],
		['a missing payload', JSON.stringify({ ...valid, payload: undefined })],
		['a numeric aad', JSON.stringify({ ...valid, aad: 3 })],
		['a wrapped key without salt', JSON.stringify({ ...valid, wrappedKey: { ...valid.wrappedKey, salt: undefined } })],
	])('rejects %s as bad-format', (_what, text) => {
		expect(() => parseGateManifest(text)).toThrow(GateError);
		try {
			parseGateManifest(text);
		} catch (error) {
			expect((error as GateError).code).toBe('bad-format');
		}
	});
});
