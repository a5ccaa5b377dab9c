/**
 * The check's view of a plan's Mermaid diagrams: a source Mermaid rejects is an error at the
 * line Mermaid stopped at, with Mermaid's own message; a `click` line is a warning, as the site
 * drops it. Mermaid's parser runs in Node (no browser), so `npm run check` stays quick, and it is
 * only loaded when a plan has a diagram.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findMermaidBlocks, removeInteractions } from '../../lib/mermaid-blocks.ts';
import type { Problem } from '../../lib/problems.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { readPackageVersion } from './package-info.ts';
import { parseWithMermaid } from './parse-with-mermaid.ts';

/** Where verdicts are kept between runs; without it, every diagram is parsed again. */
export interface DiagramCheckOptions {
	cacheDir?: string;
}

/**
 * Problems in the mermaid blocks of each plan file (`source` is the whole file's text). Mermaid's
 * verdict on a source is cached by its hash and Mermaid's version, so a check whose diagrams did
 * not change never loads Mermaid (about 1.3 s).
 */
export async function findDiagramProblems(files: ReadonlyArray<{ file: string; source: string }>, options: DiagramCheckOptions = {}): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const { file, source } of files) {
		for (const block of findMermaidBlocks(source)) {
			const { source: diagram, removed } = removeInteractions(block.source);
			for (const index of removed) {
				problems.push({
					file,
					path: 'body',
					line: block.line + index,
					severity: 'warning',
					code: 'diagram-interaction',
					message: `has a diagram line the site leaves out: "${block.source.split('\n')[index].trim().slice(0, 80)}". Diagram links and callbacks are not supported.`,
					hint: 'Remove the line; put a link in the text next to the diagram instead.',
				});
			}
			const parsed = await parseCached(diagram, options.cacheDir);
			if (parsed.ok) continue;
			const { summary, pointer } = splitMermaidMessage(parsed.message);
			problems.push({
				file,
				path: 'body',
				line: parsed.line === undefined ? block.line : block.line + parsed.line - 1,
				severity: 'error',
				code: 'diagram-invalid',
				message: `has a mermaid diagram that Mermaid cannot draw: ${summary}`,
				hint: `${pointer === '' ? '' : `${pointer}\n    `}Fix the diagram's syntax (see https://mermaid.js.org/intro/syntax-reference.html), or remove the block.`,
			});
		}
	}
	return problems;
}

type Verdict = { ok: true } | { ok: false; message: string; line?: number };

async function parseCached(source: string, cacheDir: string | undefined): Promise<Verdict> {
	if (cacheDir === undefined) return parseWithMermaid(source);
	const key = createHash('sha256').update(`${source}\0mermaid ${readPackageVersion('mermaid')}\0check 1`).digest('hex');
	const path = join(cacheDir, `${key}.json`);
	const cached = await readFile(path, 'utf8').then((text) => JSON.parse(text) as Verdict, () => undefined);
	if (cached !== undefined) return cached;
	const parsed = await parseWithMermaid(source);
	const verdict: Verdict = parsed.ok ? { ok: true } : { ok: false, message: parsed.message, line: parsed.line };
	await mkdir(cacheDir, { recursive: true });
	await writeFileAtomic(path, JSON.stringify(verdict));
	return verdict;
}

// Jison parsers write "Parse error on line 3:\n<context>\n----^\nExpecting ..., got '1'":
// the context and caret go in the hint, the expectation in the message.
function splitMermaidMessage(message: string): { summary: string; pointer: string } {
	const lines = message.split('\n');
	if (lines.length >= 4 && /^Parse error on line \d+:$/.test(lines[0]) && /^-*\^$/.test(lines[2])) {
		return { summary: `${lines.slice(3).join(' ')}.`.replace(/\.\.$/, '.'), pointer: `${lines[1]}\n    ${lines[2]}` };
	}
	return { summary: message.replace(/\s+/g, ' ').trim(), pointer: '' };
}
