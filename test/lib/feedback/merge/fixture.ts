/** A small plan file, written by hand with comments, for the feedback merge tests. */
import { findHunks } from '../../../../src/lib/feedback/merge/line-diff.ts';

/** The body after the frontmatter; it must come through every merge byte for byte. */
export const BODY = '\n# Kick-off \\{notes\\}\n\nKeep me exactly:   \n\n- one\n*  two\n\n\n';

/** A valid plan with comments, flow lists and a hand-folded text. */
export const PLAN = `---
# Northwind plan, kept by Sam
title: "Northwind x Acme"
buyer:
  name: Northwind
seller:
  name: Acme
brand:
  primary: "#0b5fff"
decisionDate: 2026-07-01
status: active
objective:
  shared: >-
    Decide on the data platform
    before the budget closes.
stakeholders:
  - id: ana
    name: Ana Buyer
    role: CTO
    side: buyer
actions:
  # Legal goes first
  - id: legal-review
    title: Legal review # the MSA only
    side: buyer
    owner: ana
    due: 2026-06-01
    status: in-progress
  - id: sign
    title: Sign the order form
    side: buyer
    owner: ana
    due: 2026-06-10
    status: todo
    dependsOn: [legal-review]
---
${BODY}`;

/** The changed lines between two texts, as `- old` and `+ new`, for readable snapshots. */
export function describeChange(before: string, after: string): string {
	const lines = before.split('\n');
	return findHunks(lines, after.split('\n'))
		.flatMap((hunk) => [...lines.slice(hunk.start, hunk.end).map((line) => `- ${line}`), ...hunk.lines.map((line) => `+ ${line}`)])
		.join('\n');
}
