/** A hand-written plan with comments, milestones and a dependency chain, for the plan command tests. */
import { checkPlanSource } from '../../../src/lib/check/index.ts';
import { runPlanCommand, type PlanCommand, type PlanCommandResult } from '../../../src/lib/plan-commands/index.ts';

export const FILE = 'plans/northwind.mdx';
export const TODAY = '2026-05-04';

/** A valid plan as a rep writes it: comments, flow lists, a folded text, a body. */
export const PLAN = `---
# Northwind plan, kept by Sam
title: "Northwind x Acme"
buyer:
  name: Northwind
seller:
  name: Acme
brand:
  primary: "#0b5fff"
decisionDate: 2026-06-12
status: active
objective:
  shared: >-
    Decide on the data platform
    before the budget closes.
stakeholders:
  - id: ana-lima
    name: Ana Lima
    role: CTO
    side: buyer
  - id: sam-ortiz
    name: Sam Ortiz
    role: Account executive
    side: seller
milestones:
  - id: security-approved # the CISO signs
    title: Security approved
    due: 2026-05-22
  - id: decision
    title: Decision
    due: 2026-06-12
actions:
  # Security first
  - id: questionnaire
    title: Answer the security questionnaire # 212 questions
    side: seller
    owner: sam-ortiz
    start: 2026-05-01
    due: 2026-05-08
    status: in-progress
    milestone: security-approved
  - id: security-review
    title: Security review
    side: buyer
    owner: ana-lima
    start: 2026-05-08
    due: 2026-05-20
    status: todo
    milestone: security-approved
    dependsOn: [questionnaire]
  - id: sign
    title: Sign the order form
    side: buyer
    owner: ana-lima
    start: 2026-06-05
    due: 2026-06-12
    status: todo
    milestone: decision
    dependsOn: [security-review]
checkins:
  - date: 2026-04-27
    summary: Kick-off
    attendees: [ana-lima, sam-ortiz]
---

# Our plan

Kept exactly.
`;

/** Runs a command on `source` (by default {@link PLAN}) as of {@link TODAY}. */
export function run(command: PlanCommand, source = PLAN, options: { committedSource?: string; today?: string } = {}): PlanCommandResult {
	return runPlanCommand(command, { file: FILE, source, today: options.today ?? TODAY, committedSource: options.committedSource });
}

/** The new text of a command that must succeed, after checking it still passes `npm run check`. */
export function runOk(command: PlanCommand, source = PLAN, options: { committedSource?: string; today?: string } = {}): { source: string; lines: string[] } {
	const result = run(command, source, options);
	if (!result.ok) throw new Error(result.problems.join('\n'));
	if (result.source === undefined) throw new Error('The command wrote nothing.');
	const errors = checkPlanSource(FILE, result.source, { committedSource: options.committedSource }).problems.filter((p) => p.severity === 'error');
	if (errors.length > 0) throw new Error(`The result does not check: ${errors.map((p) => p.message).join('; ')}`);
	return { source: result.source, lines: result.lines };
}

/** The problems of a command that must be refused. */
export function runRefused(command: PlanCommand, source = PLAN): string {
	const result = run(command, source);
	if (result.ok) throw new Error(`Expected a refusal, got: ${result.lines.join('\n')}`);
	return result.problems.join('\n');
}
