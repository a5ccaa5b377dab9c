import { describe, expect, test } from 'vitest';
import { MUTATION_MODULES } from '../../../tools/mutation/modules.ts';
import { findModulesBelowFloor, formatModuleScores, MutationReportSchema, scoreModules } from '../../../tools/mutation/summarize.ts';

const at = (line: number) => ({ start: { line, column: 3 } });
const mutant = (id: string, status: string, line = 1) => ({ id, mutatorName: 'ConditionalExpression', status, location: at(line) });

const REPORT = MutationReportSchema.parse({
	files: {
		'src/lib/crypto/key-wrap.ts': { mutants: [mutant('1', 'Killed'), mutant('2', 'Killed'), mutant('3', 'Timeout'), mutant('4', 'Survived', 42)] },
		'src/lib/crypto/encoding.ts': { mutants: [mutant('5', 'Killed'), mutant('6', 'Ignored'), mutant('7', 'NoCoverage', 7)] },
		'src/lib/leak-scan.ts': { mutants: [mutant('8', 'Killed'), mutant('9', 'Killed'), mutant('10', 'CompileError')] },
		'src/lib/leak-scan-extra.ts': { mutants: [mutant('11', 'Survived')] },
	},
});

describe('scoreModules', () => {
	test('scores each module by (killed + timeout) over everything but ignored and errors, and lists its survivors', () => {
		const scores = scoreModules(REPORT, MUTATION_MODULES);
		expect(scores.map((module) => module.name)).toEqual(['crypto', 'leak-scan']);
		const [crypto, leakScan] = scores;
		expect(crypto).toMatchObject({ killed: 3, timeout: 1, survived: 1, noCoverage: 1, other: 1 });
		expect(crypto.score).toBeCloseTo((4 / 6) * 100);
		expect(crypto.survivors).toEqual(['src/lib/crypto/key-wrap.ts:42:3 ConditionalExpression', 'src/lib/crypto/encoding.ts:7:3 ConditionalExpression (no test runs it)']);
		// A file module matches its own path only, not a longer name that starts the same.
		expect(leakScan).toMatchObject({ killed: 2, survived: 0, other: 1, score: 100 });
	});

	test('gives no score to a module whose mutants were all ignored', () => {
		const scores = scoreModules({ files: { 'src/lib/schedule.ts': { mutants: [mutant('1', 'Ignored')] } } }, MUTATION_MODULES);
		expect(scores).toEqual([expect.objectContaining({ name: 'schedule', score: undefined })]);
		expect(findModulesBelowFloor(scores, 85)).toEqual([]);
	});
});

describe('findModulesBelowFloor', () => {
	test('returns the modules under the floor, not those at it', () => {
		const scores = scoreModules(REPORT, MUTATION_MODULES);
		expect(findModulesBelowFloor(scores, 85).map((module) => module.name)).toEqual(['crypto']);
		expect(findModulesBelowFloor(scores, (4 / 6) * 100)).toEqual([]);
	});
});

describe('formatModuleScores', () => {
	test('prints one line a module and names those below the floor', () => {
		expect(formatModuleScores(scoreModules(REPORT, MUTATION_MODULES), 85)).toMatchInlineSnapshot(`
			"module     score   killed  timeout  survived  no cover
			crypto      66.7%       3        1         1         1
			leak-scan  100.0%       2        0         0         0
			Below the floor of 85%: crypto. Kill the survivors with tests, or list them as equivalent in docs/mutation.md."
		`);
	});
});
