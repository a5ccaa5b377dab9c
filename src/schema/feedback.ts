import { z } from 'astro/zod';
import { IsoDateSchema } from './date.ts';

/** A comment left by a buyer or seller through the feedback path, stored as plain text. */
export const CommentSchema = z.strictObject({
	/** Day the comment was made. */
	on: IsoDateSchema,
	/** Who wrote it, as they gave their name. */
	by: z.string().min(1),
	/** The comment itself, shown escaped; never interpreted as MDX. */
	text: z.string().min(1),
	/** The GitHub issue the comment came from. */
	issue: z.number().int().positive().optional(),
});

/** A buyer's suggestion of a new action or a new risk, waiting for the rep to act on it. */
export const SuggestionSchema = z.strictObject({
	/** What is suggested. */
	kind: z.enum(['new-action', 'new-risk']),
	/** Day it was suggested. */
	on: IsoDateSchema,
	/** Who suggested it. */
	by: z.string().min(1),
	/** The suggestion as written. */
	text: z.string().min(1),
	/** A date the buyer proposed with it, if any. */
	date: IsoDateSchema.optional(),
	/** The GitHub issue it came from. */
	issue: z.number().int().positive().optional(),
});

/** What the feedback merge has recorded on a plan. */
export const PlanFeedbackSchema = z.strictObject({
	/** Issue numbers already merged into this plan, so a re-run never applies one twice. */
	applied: z.array(z.number().int().positive()).default([]),
	/** Ids of feedback emails already applied (`npm run feedback -- --from-email`), so one is never applied twice. */
	emails: z
		.array(
			z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, {
				error: 'is not the id of an applied feedback email (`npm run feedback -- --from-email` writes 16 to 64 letters, digits, - or _); put back the id it wrote',
			}),
		)
		.optional(),
	/** Comments about the plan as a whole. */
	comments: z.array(CommentSchema).default([]),
	/** Suggested actions and risks for the rep to review. */
	suggestions: z.array(SuggestionSchema).default([]),
});

export type Comment = z.infer<typeof CommentSchema>;
export type Suggestion = z.infer<typeof SuggestionSchema>;
export type PlanFeedback = z.infer<typeof PlanFeedbackSchema>;
