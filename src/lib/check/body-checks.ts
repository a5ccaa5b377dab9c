/**
 * Checks of the MDX body. MDX is code: an `import`, an `export` or a `{expression}` would run at
 * build time with the build's secrets in reach, so a body may hold Markdown and the project's
 * own components only; raw HTML and links only what the published page keeps (body-html-checks.ts).
 */
import { PLAN_BODY_COMPONENTS } from '../mdx-components.ts';
import type { Problem } from '../problems.ts';
import { findUnsafeBodyHtml } from './body-html-checks.ts';
import { blankInlineCode } from './inline-code.ts';

const FENCE = /^\s*(```|~~~)/;
const ALLOWED = Object.keys(PLAN_BODY_COMPONENTS);


/** Problems in the body of `file`; `bodyLine` is the file line the body starts on. */
export function findBodyProblems(file: string, body: string, bodyLine: number): Problem[] {
	const problems: Problem[] = [];
	const report = (line: number, code: string, message: string, hint: string) =>
		problems.push({ file, path: 'body', line: bodyLine + line, severity: 'error', code, message, hint });
	let inFence = false;
	body.split(/\r?\n/).forEach((raw, index) => {
		if (FENCE.test(raw)) inFence = !inFence;
		if (inFence || FENCE.test(raw)) return;
		// Inline code spans are text, not code, so they are blanked before looking for braces and tags.
		const line = blankInlineCode(raw);
		if (/^\s*(import|export)\s/.test(line)) {
			report(index, 'body-import', `has an ${line.trim().split(/\s/)[0]} line: "${raw.trim().slice(0, 60)}".`, `Plans cannot import or export code. Use the built-in components (${ALLOWED.join(', ')}) without importing them.`);
		}
		const brace = line.search(/(?<!\\)[{}]/);
		if (brace !== -1) {
			report(index, 'body-expression', `has a curly brace, which MDX runs as code: "${raw.trim().slice(0, 60)}".`, 'Write \\{ and \\} for literal braces, or reword the sentence.');
		}
		for (const match of line.matchAll(/<\s*([A-Z][\w.]*)/g)) {
			if (!ALLOWED.includes(match[1])) {
				report(index, 'body-component-unknown', `uses the component <${match[1]}>, which plans do not provide.`, `Use one of: ${ALLOWED.join(', ')}.`);
			}
		}
	});
	// Raw HTML and link targets the published page would drop (tags may span lines, so over the whole body).
	return [...problems, ...findUnsafeBodyHtml(file, body, bodyLine)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
