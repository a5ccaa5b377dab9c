import { describe, expect, test } from 'vitest';
import { computeRetryDelayMs } from '../../../src/lib/gate/retry-delay.ts';

describe('computeRetryDelayMs', () => {
	test.each([
		[0, 0],
		[2, 0],
		[3, 2_000],
		[4, 4_000],
		[6, 16_000],
		[8, 60_000],
		[50, 60_000],
	])('waits, after %i wrong passwords, %i ms', (failures, expected) => {
		expect(computeRetryDelayMs(failures)).toBe(expected);
	});
});
