import { parse, stringify } from 'yaml';
import { checkPlanSource } from '../../../src/lib/check/index.ts';
import { formatProblem } from '../../../src/lib/problems.ts';

/** The smallest plan that passes every check. */
export const VALID_YAML = `title: Northwind x Acme
buyer:
  name: Northwind
seller:
  name: Acme
brand:
  primary: "#0b5fff"
decisionDate: 2026-06-30
status: active
objective:
  shared: Decide on the data platform
stakeholders:
  - id: ann
    name: Ann Buyer
    role: CTO
    side: buyer
  - id: sam
    name: Sam Seller
    role: Account executive
    side: seller
milestones:
  - id: validated
    title: Solution validated
    due: 2026-06-01
actions:
  - id: demo
    title: Demo
    side: seller
    owner: sam
    due: 2026-05-01
    status: todo
    milestone: validated
  - id: security-review
    title: Security review
    side: buyer
    owner: ann
    due: 2026-05-15
    status: todo
    milestone: validated
    dependsOn: [demo]
`;

/** A plan file around `yaml`. */
export function wrapPlan(yaml: string): string {
	return `---\n${yaml}---\n\nBody text.\n`;
}

/** The valid plan after `edit` changes its data, written back as a plan file. */
export function planWith(edit: (plan: any) => void): string {
	const plan = parse(VALID_YAML);
	edit(plan);
	return wrapPlan(stringify(plan, { lineWidth: 0 }));
}

/** Every problem of a plan file, formatted as `npm run check` prints it (against `committedSource` when given). */
export function formatChecked(source: string, file = 'plans/northwind.mdx', committedSource?: string): string {
	return checkPlanSource(file, source, { committedSource }).problems.map(formatProblem).join('\n');
}
