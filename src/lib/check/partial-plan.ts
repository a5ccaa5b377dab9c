/**
 * What of a plan did parse, when its frontmatter as a whole does not match the schema. One bad
 * date must not hide an unknown owner three actions further down, so the rules across fields run
 * over this partial plan as well.
 */
import { z } from 'astro/zod';
import {
	ActionSchema,
	CheckinSchema,
	MilestoneSchema,
	PlanSchema,
	RiskSchema,
	StakeholderSchema,
	type Plan,
} from '../../schema/plan.ts';
import type { PlanList } from './context.ts';

/** A plan made of the fields and list entries that parsed, and where each kept entry sits in the file. */
export interface PartialPlan {
	plan: Plan;
	sourceIndexes: Record<PlanList, number[]>;
}

const ENTRY_SCHEMAS: Record<PlanList, z.ZodType> = {
	stakeholders: StakeholderSchema,
	milestones: MilestoneSchema,
	actions: ActionSchema,
	risks: RiskSchema,
	checkins: CheckinSchema,
	successCriteria: z.string().min(1),
};

// Stand-ins for required fields that did not parse. The schema has already reported them; they
// only give the checks a value to read, and none of these values draws a problem of its own.
const STAND_INS = {
	title: '',
	buyer: { name: '' },
	seller: { name: '' },
	brand: { primary: '#000000' },
	decisionDate: '9999-12-31',
	status: 'active',
	objective: { shared: '' },
} as const;

/**
 * Builds the partial plan from the parsed frontmatter `data`: every top-level field that parses
 * on its own, a stand-in (or the schema's default) for one that does not, and in each list the
 * entries that parse (ignoring unknown fields).
 */
export function buildPartialPlan(data: Record<string, unknown>): PartialPlan {
	const shape = PlanSchema.shape as Record<string, z.ZodType>;
	const plan: Record<string, unknown> = {};
	const sourceIndexes = {} as Record<PlanList, number[]>;
	for (const [key, schema] of Object.entries(shape)) {
		const raw = data[key];
		if (key in ENTRY_SCHEMAS) {
			const list = key as PlanList;
			const kept = keepParsedEntries(ENTRY_SCHEMAS[list], raw);
			plan[key] = kept.map((entry) => entry.value);
			sourceIndexes[list] = kept.map((entry) => entry.index);
			continue;
		}
		const parsed = schema.safeParse(raw);
		if (parsed.success) {
			plan[key] = parsed.data;
			continue;
		}
		const fallback = schema.safeParse(undefined);
		plan[key] = fallback.success ? fallback.data : STAND_INS[key as keyof typeof STAND_INS];
	}
	return { plan: plan as Plan, sourceIndexes };
}

function keepParsedEntries(schema: z.ZodType, raw: unknown): { index: number; value: unknown }[] {
	if (!Array.isArray(raw)) return [];
	return raw.flatMap((entry, index) => {
		const value = parseEntry(schema, entry);
		return value === undefined ? [] : [{ index, value }];
	});
}

// An entry whose only fault is an unknown field (`note:` for `notes:`) is kept without it. One
// with a bad value is left out, even in an optional field: dropping a bad `completedOn` would
// draw a second, wrong problem ("done needs a completedOn date"). Its ids and references are
// still checked as written, by the reference checks.
function parseEntry(schema: z.ZodType, entry: unknown): unknown {
	const parsed = schema.safeParse(entry);
	if (parsed.success) return parsed.data;
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
	const unknownKeys = new Set<PropertyKey>();
	for (const issue of parsed.error.issues) {
		if (issue.code !== 'unrecognized_keys' || issue.path.length > 0) return undefined;
		for (const key of issue.keys) unknownKeys.add(key);
	}
	const trimmed = Object.fromEntries(Object.entries(entry).filter(([key]) => !unknownKeys.has(key)));
	const retried = schema.safeParse(trimmed);
	return retried.success ? retried.data : undefined;
}
