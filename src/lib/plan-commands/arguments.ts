/** Turns `npm run plan` arguments into a command, or says what to type instead. */
import type { PlanCommand } from './types.ts';

/** How to call `npm run plan`, one line per verb. */
export const PLAN_USAGE = [
	'Usage: npm run plan -- <verb> <deal> ...',
	'  status     <deal>',
	'  done       <deal> <action> [--on YYYY-MM-DD]',
	'  slip       <deal> <action> <YYYY-MM-DD> --reason "..." [--by <person>]',
	'  checkin    <deal> --summary "..." [--attendees a,b] [--decision "..."]...',
	'  add-action <deal> --title "..." --owner <person> --due YYYY-MM-DD [--side buyer|seller] [--milestone <id>] [--depends-on a,b] [--id <id>]',
	'  Every verb also takes --plans <dir> (default: plans).',
].join('\n');

/** The options `npm run plan` knows, for `parseArgs`. */
export const PLAN_OPTIONS = {
	plans: { type: 'string' },
	on: { type: 'string' },
	reason: { type: 'string' },
	by: { type: 'string' },
	summary: { type: 'string' },
	attendees: { type: 'string' },
	decision: { type: 'string', multiple: true },
	title: { type: 'string' },
	owner: { type: 'string' },
	due: { type: 'string' },
	side: { type: 'string' },
	milestone: { type: 'string' },
	'depends-on': { type: 'string' },
	id: { type: 'string' },
} as const;

/** Option values as `parseArgs` gives them. */
export type PlanOptionValues = { [K in keyof typeof PLAN_OPTIONS]?: (typeof PLAN_OPTIONS)[K] extends { multiple: true } ? string[] : string };

const VERBS = {
	status: { positionals: ['deal'], options: [] },
	done: { positionals: ['deal', 'action'], options: ['on'] },
	slip: { positionals: ['deal', 'action', 'date'], options: ['reason', 'by'] },
	checkin: { positionals: ['deal'], options: ['summary', 'attendees', 'decision'] },
	'add-action': { positionals: ['deal'], options: ['title', 'owner', 'due', 'side', 'milestone', 'depends-on', 'id'] },
} as const satisfies Record<PlanCommand['verb'], { positionals: readonly string[]; options: readonly (keyof typeof PLAN_OPTIONS)[] }>;

/** The deal and the command, or every problem with the arguments. */
export function readPlanArguments(positionals: readonly string[], values: PlanOptionValues): { deal: string; command: PlanCommand } | { problems: string[] } {
	const [verb, ...rest] = positionals;
	if (verb === undefined) return { problems: ['Name what to do: status, done, slip, checkin or add-action.'] };
	if (!(verb in VERBS)) return { problems: [`"${verb}" is not a plan command. Use one of: ${Object.keys(VERBS).join(', ')}.`] };
	const spec = VERBS[verb as keyof typeof VERBS];
	const problems: string[] = [];
	if (rest.length < spec.positionals.length) {
		problems.push(`${verb} needs ${spec.positionals.map((name) => `<${name}>`).join(' ')}; missing <${spec.positionals.slice(rest.length).join('> <')}>.`);
	} else if (rest.length > spec.positionals.length) {
		problems.push(`${verb} takes ${spec.positionals.map((name) => `<${name}>`).join(' ')}, but also got ${rest.slice(spec.positionals.length).map((word) => `"${word}"`).join(' ')}. Put text with spaces in double quotes.`);
	}
	const allowed = new Set<string>([...spec.options, 'plans']);
	for (const [option, value] of Object.entries(values)) {
		if (value !== undefined && !allowed.has(option)) problems.push(`--${option} does not go with ${verb}.`);
	}
	if (problems.length > 0) return { problems };
	const [deal, second, third] = rest as [string, string, string];
	return { deal, command: toCommand(verb as keyof typeof VERBS, second, third, values) };
}

function toCommand(verb: keyof typeof VERBS, second: string, third: string, values: PlanOptionValues): PlanCommand {
	switch (verb) {
		case 'status':
			return { verb };
		case 'done':
			return { verb, action: second, ...(values.on !== undefined ? { on: values.on } : {}) };
		case 'slip':
			return { verb, action: second, date: third, reason: values.reason, by: values.by };
		case 'checkin':
			return { verb, summary: values.summary, attendees: splitList(values.attendees), decisions: values.decision ?? [] };
		case 'add-action':
			return {
				verb,
				title: values.title,
				owner: values.owner,
				due: values.due,
				side: values.side,
				milestone: values.milestone,
				dependsOn: splitList(values['depends-on']),
				id: values.id,
			};
	}
}

function splitList(text: string | undefined): string[] {
	return (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}
