/** Builds valid plans for tests, so each test states only the fields it is about. */
import { PlanSchema, type ActionStatus, type Plan, type PlanInput, type Side } from '../../src/schema/plan.ts';

type ActionInput = PlanInput['actions'][number];

/** Fields a test may give for one action; everything else gets a harmless default. */
export type ActionOverrides = Partial<ActionInput> & { id: string };

/** One action with defaults: buyer side, owned by `ana`, due 2026-06-01, todo. */
export function makeAction(overrides: ActionOverrides): ActionInput {
	return {
		title: `Action ${overrides.id}`,
		side: 'buyer' satisfies Side,
		owner: 'ana',
		due: '2026-06-01',
		status: 'todo' satisfies ActionStatus,
		...overrides,
	};
}

/** Fields a test may override on the whole plan; `actions` take {@link ActionOverrides}. */
export type PlanOverrides = Partial<Omit<PlanInput, 'actions'>> & { actions?: ActionOverrides[] };

/** A plan that passes `PlanSchema`, with defaults filled in by the schema itself. */
export function makePlan(overrides: PlanOverrides = {}): Plan {
	const { actions = [{ id: 'first' }], ...rest } = overrides;
	return PlanSchema.parse({
		title: 'Northwind x Acme: data platform evaluation',
		buyer: { name: 'Northwind' },
		seller: { name: 'Acme' },
		brand: { primary: '#0b5fff' },
		decisionDate: '2026-07-01',
		status: 'active',
		objective: { shared: 'Decide on the data platform' },
		stakeholders: [
			{ id: 'ana', name: 'Ana Buyer', role: 'CTO', side: 'buyer' },
			{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
		],
		...rest,
		actions: actions.map(makeAction),
	});
}

/** A line of `count` actions `a0 -> a1 -> ...`, each due one day after the previous. */
export function makeChain(count: number, firstDue = '2026-06-01'): ActionOverrides[] {
	const start = Date.parse(`${firstDue}T00:00:00Z`);
	return Array.from({ length: count }, (_, index) => ({
		id: `a${index}`,
		due: new Date(start + index * 86_400_000).toISOString().slice(0, 10),
		dependsOn: index === 0 ? [] : [`a${index - 1}`],
	}));
}
