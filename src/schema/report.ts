import { z } from 'astro/zod';
import { IsoDateSchema } from './date.ts';
import { DueSchema, IdSchema, SideSchema } from './plan.ts';

/** The version of the `npm run report -- --json` format; raised on any change that is not an addition. */
export const REPORT_FORMAT_VERSION = 1;

/** Done and total actions with the share done. */
export const ReportProgressCountSchema = z.strictObject({
	/** Actions with status `done`. */
	done: z.number().int().min(0),
	/** All actions counted. */
	total: z.number().int().min(0),
	/** `done / total` as a whole percent; 0 when there is nothing to do. */
	percent: z.number().int().min(0).max(100),
});

/** Progress overall and per side. */
export const ReportProgressSchema = z.strictObject({
	/** Every action of the plan. */
	overall: ReportProgressCountSchema,
	/** The buyer's actions. */
	buyer: ReportProgressCountSchema,
	/** The seller's actions. */
	seller: ReportProgressCountSchema,
});

/** An action's status on the report's day, as the site shows it. */
export const ReportItemStatusSchema = z.enum(['done', 'late', 'blocked', 'at-risk', 'due-soon', 'on-track']);

/** An action that needs attention. */
export const ReportActionSchema = z.strictObject({
	/** The action's id in the plan. */
	id: IdSchema,
	/** The action's title. */
	title: z.string(),
	/** The company responsible. */
	side: SideSchema,
	/** The stakeholder id of its owner. */
	owner: IdSchema,
	/** Its due date, or `tbd` for a date still to agree. */
	due: DueSchema,
	/** Its status on the report's day. */
	status: ReportItemStatusSchema,
});

/** An open action with its projection and float. */
export const ReportOpenActionSchema = ReportActionSchema.extend({
	/** The day the schedule projects it to finish (for a `tbd` action: the earliest it could). */
	projected: IsoDateSchema,
	/** Working days it can slip before the projected decision moves; 0 on the critical path; `null` when the decision does not wait for it (undated, or after the decision). */
	float: z.number().int().min(0).nullable(),
});

/** A step on the chain to the decision that moved because its owner could not work on a day. */
export const ReportDelaySchema = z.strictObject({
	/** The action that moved. */
	action: IdSchema,
	/** Why: a public holiday, a closed period, a day outside the working week, or the owner away. */
	kind: z.enum(['holiday', 'closed', 'weekend', 'away']),
	/** The first day it could not finish on. */
	date: IsoDateSchema,
	/** The reason in the plan's language, e.g. "2026-03-20 is Hari Raya Idul Fitri in Indonesia". */
	text: z.string(),
});

/** When the decision is planned and when the schedule projects it. */
export const ReportDecisionSchema = z.strictObject({
	/** The plan's `decisionDate`. */
	planned: IsoDateSchema,
	/** The earliest day the decision can be taken, given every prerequisite's slip. */
	projected: IsoDateSchema,
	/** Days `projected` lies after `planned`; 0 when on time. */
	slipDays: z.number().int().min(0),
	/** The action that stands for the decision; `null` when every action is due after it. */
	decisionAction: IdSchema.nullable(),
	/** Action ids on the critical path to the decision, first to last. */
	chain: z.array(IdSchema),
	/** The part of `chain` from the first slipped action on: what makes the decision late. Empty when on time. */
	cause: z.array(IdSchema),
	/** Steps of `chain` moved by a holiday, closed period, non-working day or their owner away. */
	delays: z.array(ReportDelaySchema).default([]),
	/** Open actions with `due: tbd`: steps the projection does not account for yet. */
	undated: z.array(IdSchema).default([]),
});

/** One penalty of the health score. */
export const ReportHealthReasonSchema = z.strictObject({
	/** A stable name for the kind of penalty. */
	code: z.enum([
		'overdue-buyer',
		'overdue-seller',
		'repeated-slips',
		'buyer-slipping',
		'checkins-missing',
		'checkins-overdue',
		'unmitigated-risks',
		'decision-slip',
	]),
	/** Points taken off the score. */
	points: z.number().int().min(0),
	/** The explanation in English. */
	message: z.string(),
	/** Ids of the actions or risks it is about; empty when it is about the plan as a whole. */
	ids: z.array(IdSchema),
});

/** The plan's health score and why. */
export const ReportHealthSchema = z.strictObject({
	/** `green` from 80, `yellow` from 50, else `red` (or red on the buyer-slipping flag). */
	level: z.enum(['green', 'yellow', 'red']),
	/** 100 minus every penalty, never below 0. */
	score: z.number().int().min(0).max(100),
	/** The penalties behind the score. */
	reasons: z.array(ReportHealthReasonSchema),
});

/** The overview of one plan. */
export const PlanReportSchema = z.strictObject({
	/** The plan's slug (its file name without `.mdx`). */
	slug: z.string(),
	/** The plan file, e.g. `plans/northwind.mdx`. */
	file: z.string(),
	/** The plan's title. */
	title: z.string(),
	/** The deal's status: active, won, lost or paused. */
	status: z.enum(['active', 'won', 'lost', 'paused']),
	/** The plan's locale. */
	locale: z.enum(['en', 'id']),
	/** How many actions are done. */
	progress: ReportProgressSchema,
	/** The decision date and its projection; `null` only for a plan with a dependency cycle. */
	decision: ReportDecisionSchema.nullable(),
	/** Open actions due before the report's day. */
	late: z.array(ReportActionSchema),
	/** Open actions waiting on late or blocked work, or projected to finish after their due date. */
	atRisk: z.array(ReportActionSchema),
	/** Actions marked `blocked`. */
	blocked: z.array(ReportActionSchema),
	/** Every open action in plan order, with its projected finish and float. */
	openActions: z.array(ReportOpenActionSchema).default([]),
	/** The health score. */
	health: ReportHealthSchema,
});

/** What `npm run report -- --json` prints. */
export const ReportSchema = z.strictObject({
	/** {@link REPORT_FORMAT_VERSION}. */
	version: z.literal(REPORT_FORMAT_VERSION),
	/** The day the statuses are computed for (`MAP_TODAY`, else today in UTC). */
	today: IsoDateSchema,
	/** One entry per plan, in file order. */
	plans: z.array(PlanReportSchema),
});

export type Report = z.infer<typeof ReportSchema>;
export type PlanReport = z.infer<typeof PlanReportSchema>;
export type ReportAction = z.infer<typeof ReportActionSchema>;
export type ReportOpenAction = z.infer<typeof ReportOpenActionSchema>;
