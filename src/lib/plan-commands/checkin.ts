/** `npm run plan -- checkin <deal> --summary "..." [--attendees a,b] [--decision "..."]...`: logs today's check-in. */
import { YAMLMap, YAMLSeq } from 'yaml';
import { getPlanSlug } from '../check/index.ts';
import { appendTo, flowList, quoted } from '../yaml-edit.ts';
import { checkKnownId, requireOption } from './input-checks.ts';
import { closePlan, isRefused, openPlan } from './plan-document.ts';
import type { CheckinCommand, PlanCommandInput, PlanCommandResult } from './types.ts';

/** Appends a check-in dated today with its summary, attendees and decisions. */
export function addCheckin(command: CheckinCommand, input: PlanCommandInput): PlanCommandResult {
	const opened = openPlan(input);
	if (isRefused(opened)) return { ok: false, problems: opened.problems };
	const deal = getPlanSlug(input.file);
	const people = opened.plan.stakeholders.map((s) => s.id);
	const problems = [
		requireOption(command.summary, '--summary', `npm run plan -- checkin ${deal} --summary "Walked through the security findings"`),
		...command.attendees.map((id) => checkKnownId('person', id, people)),
		...command.decisions.filter((text) => text.trim() === '').map(() => '--decision is empty. Give the decision as text, like --decision "Pilot extended by a week".'),
	].filter((problem) => problem !== undefined);
	if (problems.length > 0) return { ok: false, problems };

	const checkin = new YAMLMap<unknown, unknown>();
	checkin.set('date', input.today);
	checkin.set('summary', quoted(command.summary!.trim()));
	const attendees = [...new Set(command.attendees)];
	if (attendees.length > 0) checkin.set('attendees', flowList(attendees));
	if (command.decisions.length > 0) {
		const decisions = new YAMLSeq();
		for (const text of command.decisions) decisions.add(quoted(text.trim()));
		checkin.set('decisions', decisions);
	}
	appendTo(opened.doc, ['checkins'], checkin);
	const closed = closePlan(input, opened);
	if ('problems' in closed) return { ok: false, problems: closed.problems };
	const lines = [`Logged the check-in of ${input.today}: ${JSON.stringify(command.summary!.trim())}.`];
	if (attendees.length > 0) lines.push(`  Attendees: ${attendees.join(', ')}.`);
	for (const text of command.decisions) lines.push(`  Decision: ${text.trim()}`);
	return { ok: true, source: closed.source, lines };
}

