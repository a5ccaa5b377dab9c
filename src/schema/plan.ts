import { z } from 'astro/zod';
import { BrandSchema, PartySchema, SellerSchema } from './branding.ts';
import { IsoDateSchema, isRealIsoDate } from './date.ts';
import { CommentSchema, PlanFeedbackSchema } from './feedback.ts';
import { AwaySchema, WorkingCalendarSchema } from './plan-calendar.ts';

/** An id other fields can point at: lower-case letters, digits and dashes. */
export const IdSchema = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must use only lower-case letters, digits and dashes, like "legal-review"' });

/** Which company a person or an action belongs to. */
export const SideSchema = z.enum(['buyer', 'seller']);

/** Where an action stands. */
export const ActionStatusSchema = z.enum(['todo', 'in-progress', 'done', 'blocked']);

/** A three-step scale for risk probability and impact. */
export const LevelSchema = z.enum(['low', 'medium', 'high']);

/** A person on either side of the deal. */
export const StakeholderSchema = z.strictObject({
	/** Short id that actions and risks use as `owner`. */
	id: IdSchema,
	/** Full name. */
	name: z.string().min(1),
	/** Job title or part in the deal, e.g. "CISO, signs off security". */
	role: z.string().min(1),
	/** The company the person works for. */
	side: SideSchema,
	/** Work email. */
	email: z.email({ error: 'must be an email address' }).optional(),
	/** Phone number as it should be dialled. */
	phone: z.string().min(1).optional(),
	/** When the person can be reached, e.g. "Tue/Thu mornings CET; out Jun 2-13". */
	availability: z.string().min(1).optional(),
	/** Days the person cannot finish work (travel, leave); the schedule moves their open actions past them. */
	away: z.array(AwaySchema).default([]),
});

/** A point in the plan that a group of actions leads to. */
export const MilestoneSchema = z.strictObject({
	/** Short id that actions use as `milestone`. */
	id: IdSchema,
	/** The milestone's name in the buyer's words. */
	title: z.string().min(1),
	/** When it should be reached. */
	due: IsoDateSchema,
	/** The explanation shown under the milestone. */
	description: z.string().min(1).optional(),
});

/** One slip of an action's due date, recorded in the open. */
export const DateChangeSchema = z.strictObject({
	/** Day the change was agreed. */
	on: IsoDateSchema,
	/** The due date before the change. */
	from: IsoDateSchema,
	/** The new due date. */
	to: IsoDateSchema,
	/** Why it moved. */
	reason: z.string().min(1),
	/** Who asked for the change. */
	by: z.string().min(1).optional(),
	/** The feedback issue it came from. */
	issue: z.number().int().positive().optional(),
});

/** The word that leaves an action's date to agree later. */
export const TBD = 'tbd';

const DUE_MESSAGE = 'must be a date written as YYYY-MM-DD, for example 2026-05-17, or tbd for a date to agree later';

/** An action's target date, or `tbd` for a date to agree later (never late, not yet scheduled). */
export const DueSchema = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	// One rule rather than a union, so a wrong value gets one message that names both forms.
	z
		.string({ error: DUE_MESSAGE })
		.refine((value) => value === TBD || /^\d{4}-\d{2}-\d{2}$/.test(value), { error: DUE_MESSAGE })
		.refine((value) => value === TBD || !/^\d{4}-\d{2}-\d{2}$/.test(value) || isRealIsoDate(value), {
			error: 'is not a real calendar date; check the day and the month',
		}),
);

/** One step of the plan with a named owner and a date. */
export const ActionSchema = z.strictObject({
	/** Short id that other actions use in `dependsOn`. */
	id: IdSchema,
	/** What has to happen, in the buyer's words. */
	title: z.string().min(1),
	/** The company responsible. */
	side: SideSchema,
	/** The stakeholder id of the person responsible. */
	owner: IdSchema,
	/** Target date, or `tbd` when the date is still to agree. */
	due: DueSchema,
	/** When work starts; with `due` it gives the action's duration for the schedule. */
	start: IsoDateSchema.optional(),
	/** Where the action stands. */
	status: ActionStatusSchema,
	/** The day it was done; required when `status` is `done`. */
	completedOn: IsoDateSchema.optional(),
	/** The milestone id this action leads to. */
	milestone: IdSchema.optional(),
	/** Ids of the actions that must be done before this one can finish. */
	dependsOn: z.array(IdSchema).default([]),
	/** Free notes shown with the action. */
	notes: z.string().min(1).optional(),
	/** Every change of the due date, oldest first; the last `to` is the current `due`. */
	dateChanges: z.array(DateChangeSchema).default([]),
	/** Comments left through feedback. */
	comments: z.array(CommentSchema).default([]),
});

/** Something that could stop or delay the deal. */
export const RiskSchema = z.strictObject({
	/** Short id. */
	id: IdSchema,
	/** The risk in one line. */
	title: z.string().min(1),
	/** How likely it is. */
	probability: LevelSchema,
	/** How much it would hurt. */
	impact: LevelSchema,
	/** What is being done about it. */
	mitigation: z.string().min(1).optional(),
	/** The stakeholder id of the person watching it. */
	owner: IdSchema.optional(),
});

/** A regular check-in between buyer and seller. */
export const CheckinSchema = z.strictObject({
	/** Day of the meeting. */
	date: IsoDateSchema,
	/** What was discussed. */
	summary: z.string().min(1),
	/** Stakeholder ids of who attended. */
	attendees: z.array(IdSchema).default([]),
	/** Decisions taken. */
	decisions: z.array(z.string().min(1)).default([]),
});

/** Shared goals of the deal. */
export const ObjectiveSchema = z.strictObject({
	/** The goal both companies signed up to. */
	shared: z.string().min(1),
	/** What the buyer wants out of it. */
	buyer: z.string().min(1).optional(),
	/** What the seller wants out of it. */
	seller: z.string().min(1).optional(),
});

/** What link previews (Open Graph cards) may show. */
export const ShareSchema = z.strictObject({
	/** `neutral` shows only the seller's brand; `named` adds buyer, decision date and progress. */
	preview: z.enum(['neutral', 'named']).default('neutral'),
});

/** A Mutual Action Plan: the frontmatter of one `plans/<slug>.mdx` file. */
export const PlanSchema = z.strictObject({
	/** The plan's title, e.g. "Northwind x Acme: data platform evaluation". */
	title: z.string().min(1),
	/** Language of the site's labels and date formats. */
	locale: z.enum(['en', 'id']).default('en'),
	/** The buying company, with its working calendar. */
	buyer: PartySchema.extend({
		/** When the buyer works; without it every day counts as a working day. */
		calendar: WorkingCalendarSchema.optional(),
	}),
	/** The selling company, with its working calendar. */
	seller: SellerSchema.extend({
		/** When the seller works; without it every day counts as a working day. */
		calendar: WorkingCalendarSchema.optional(),
	}),
	/** The deal's colours. */
	brand: BrandSchema,
	/** The date both sides aim to decide by. */
	decisionDate: IsoDateSchema,
	/** Where the deal stands overall. */
	status: z.enum(['active', 'won', 'lost', 'paused']),
	/** `gated` (default) encrypts the site behind a password; `public` publishes it readable. */
	access: z.enum(['gated', 'public']).default('gated'),
	/** A readable URL path instead of the default unguessable id; it reveals the path to anyone. */
	path: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]{2,62}$/, { error: 'must be 3 to 63 lower-case letters, digits or dashes' })
		.optional(),
	/** Bumped by `npm run rotate-key` to replace the content key and revoke old share links. */
	keyVersion: z.number().int().min(1).default(1),
	/** What link previews may show. */
	share: ShareSchema.default({ preview: 'neutral' }),
	/** Shared, buyer and seller goals. */
	objective: ObjectiveSchema,
	/** How both sides will judge success. */
	successCriteria: z.array(z.string().min(1)).default([]),
	/** The people involved, on both sides. */
	stakeholders: z.array(StakeholderSchema).min(1),
	/** Milestones in date order. */
	milestones: z.array(MilestoneSchema).default([]),
	/** The action items. */
	actions: z.array(ActionSchema).min(1),
	/** Risks to the deal. */
	risks: z.array(RiskSchema).default([]),
	/** The check-in log. */
	checkins: z.array(CheckinSchema).default([]),
	/** Expected days between check-ins, used by the health score. */
	checkinEveryDays: z.number().int().min(1).max(60).default(7),
	/** Feedback merged from GitHub issues. */
	feedback: PlanFeedbackSchema.default({ applied: [], comments: [], suggestions: [] }),
});

/** A validated plan, with defaults filled in. */
export type Plan = z.infer<typeof PlanSchema>;
/** A plan as written in frontmatter, before defaults. */
export type PlanInput = z.input<typeof PlanSchema>;
export type Stakeholder = z.infer<typeof StakeholderSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type ActionStatus = z.infer<typeof ActionStatusSchema>;
export type DateChange = z.infer<typeof DateChangeSchema>;
export type Risk = z.infer<typeof RiskSchema>;
export type Checkin = z.infer<typeof CheckinSchema>;
export type Side = z.infer<typeof SideSchema>;
export type Level = z.infer<typeof LevelSchema>;
