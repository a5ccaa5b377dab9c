/** `npm run plan -- add-action <deal> --title "..." --owner <person> --due <date> [...]`: adds a step. */
import { YAMLMap } from 'yaml';
import { IdSchema, type Plan } from '../../schema/plan.ts';
import { getPlanSlug } from '../check/index.ts';
import { appendTo, flowList, quoted } from '../yaml-edit.ts';
import { checkDate, checkKnownId, requireOption } from './input-checks.ts';
import { closePlan, isRefused, openPlan } from './plan-document.ts';
import type { AddActionCommand, PlanCommandInput, PlanCommandResult } from './types.ts';

const MAX_DERIVED_ID = 40;

/**
 * Appends a `todo` action. Its side is the owner's unless given; its id is derived from the
 * title (made unique with a number) unless given.
 */
export function addAction(command: AddActionCommand, input: PlanCommandInput): PlanCommandResult {
	const opened = openPlan(input);
	if (isRefused(opened)) return { ok: false, problems: opened.problems };
	const { plan } = opened;
	const deal = getPlanSlug(input.file);
	const example = `npm run plan -- add-action ${deal} --title "Send the security questionnaire" --owner ${plan.stakeholders[0]!.id} --due ${input.today}`;
	const actionIds = plan.actions.map((a) => a.id);
	const problems = [
		requireOption(command.title, '--title', example),
		requireOption(command.owner, '--owner', example),
		requireOption(command.due, '--due', example),
		command.owner ? checkKnownId('person', command.owner, plan.stakeholders.map((s) => s.id)) : undefined,
		command.due ? checkDate('--due', command.due) : undefined,
		command.side === undefined || command.side === 'buyer' || command.side === 'seller' ? undefined : `--side "${command.side}" must be buyer or seller.`,
		command.milestone === undefined ? undefined : checkKnownId('milestone', command.milestone, plan.milestones.map((m) => m.id)),
		...command.dependsOn.map((id) => checkKnownId('action', id, actionIds)),
		command.id === undefined ? undefined : checkNewId(command.id, actionIds),
	].filter((problem) => problem !== undefined);
	if (problems.length > 0) return { ok: false, problems };

	const title = command.title!.trim();
	const owner = plan.stakeholders.find((s) => s.id === command.owner)!;
	const id = command.id ?? deriveActionId(title, actionIds);
	const action = new YAMLMap<unknown, unknown>();
	action.set('id', id);
	action.set('title', quoted(title));
	action.set('side', command.side ?? owner.side);
	action.set('owner', owner.id);
	action.set('due', command.due);
	action.set('status', 'todo');
	if (command.milestone !== undefined) action.set('milestone', command.milestone);
	if (command.dependsOn.length > 0) action.set('dependsOn', flowList([...new Set(command.dependsOn)]));
	appendTo(opened.doc, ['actions'], action);
	const closed = closePlan(input, opened);
	if ('problems' in closed) return { ok: false, problems: closed.problems };
	const extras = [command.milestone ? `milestone ${command.milestone}` : '', command.dependsOn.length > 0 ? `after ${command.dependsOn.join(', ')}` : '']
		.filter(Boolean)
		.join('; ');
	return {
		ok: true,
		source: closed.source,
		lines: [`Added the ${command.side ?? owner.side} action "${id}": ${JSON.stringify(title)}, owner ${owner.id}, due ${command.due}${extras ? ` (${extras})` : ''}.`],
	};
}

/** An id made from `title` ("Send the DPA" -> "send-the-dpa"), unique among `taken`. */
export function deriveActionId(title: string, taken: readonly string[]): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let base = '';
	for (const word of words) {
		const next = base ? `${base}-${word}` : word;
		if (next.length > MAX_DERIVED_ID && base) break;
		base = next.slice(0, MAX_DERIVED_ID);
	}
	base ||= 'action';
	const used = new Set(taken);
	if (!used.has(base)) return base;
	let suffix = 2;
	while (used.has(`${base}-${suffix}`)) suffix++;
	return `${base}-${suffix}`;
}

function checkNewId(id: string, taken: Plan['actions'][number]['id'][]): string | undefined {
	if (!IdSchema.safeParse(id).success) return `--id "${id}" must use only lower-case letters, digits and dashes, like "legal-review".`;
	if (taken.includes(id)) return `--id "${id}" is already the id of an action; choose another, or leave --id out to have one made from the title.`;
	return undefined;
}
