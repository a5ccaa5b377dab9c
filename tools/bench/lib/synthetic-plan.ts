/**
 * Synthetic deals for the benchmark: sized like the large example plan (22 actions, 5
 * milestones, 8 people, 6 risks, check-ins, date changes, a Mermaid block in the body), valid
 * against the checker, and the same for the same seed.
 */
import { stringify } from 'yaml';
import { addDays } from '../../../src/lib/dates.ts';
import { ACTION_TEMPLATES, MILESTONES, ROLES } from './action-templates.ts';
import { BRAND_COLORS, BUYER_STEMS, BUYER_TRADES, DECISIONS, FIRST_NAMES, LAST_NAMES, PROJECTS, RISKS, SELLERS, SUCCESS_CRITERIA } from './names.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';

/** One generated plan file and what the build needs to open it. */
export interface SyntheticDeal {
	slug: string;
	/** File name relative to the project, e.g. `plans/kestrel-freight-crm-rollout-007.mdx`. */
	file: string;
	source: string;
	access: 'gated' | 'public';
	/** The deal's password; public deals have none. */
	password?: string;
}

/** What to generate. */
export interface SyntheticOptions {
	seed: number;
	/** The day statuses are computed for; it must match `MAP_TODAY` of the build. */
	today: string;
	/** Bumped to edit a deal: the newest check-in changes, nothing else. */
	revision?: number;
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
// One deal in eight is public, the rest gated, like a sales team with a few open references.
const PUBLIC_SHARE = 0.125;

const toSlug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function makePassword(random: Random): string {
	return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => random.pick([...LOWER])).join('')).join('-');
}

function makePeople(random: Random, buyerDomain: string, sellerDomain: string) {
	const firsts = random.sample(FIRST_NAMES, ROLES.length);
	const lasts = random.sample(LAST_NAMES, ROLES.length);
	return ROLES.map((role, index) => {
		const name = `${firsts[index]} ${lasts[index]}`;
		const id = toSlug(name);
		const domain = role.side === 'buyer' ? buyerDomain : sellerDomain;
		return {
			key: role.key,
			stakeholder: {
				id,
				name,
				role: role.role,
				side: role.side,
				email: `${id.replace('-', '.')}@${domain}`,
				...(random.chance(0.3) ? { phone: `+1 312 555 0${random.int(100, 199)}` } : {}),
				...(random.chance(0.3) ? { availability: random.pick(['Steering committee on Thursdays', 'Office hours Tue/Thu afternoons', 'Out for two weeks in December']) } : {}),
			},
		};
	});
}

const NAME_COMBINATIONS = BUYER_STEMS.length * BUYER_TRADES.length;
// A prime that shares no factor with the number of combinations, so stepping by it visits each once.
const NAME_STRIDE = 7919;

/**
 * A buyer name no other deal of the set has (up to twice the combinations, then words swap
 * order), because the build may normalise spaces in names and a public deal named like a gated
 * one would then fail the leak scan.
 */
function makeBuyerName(index: number, seed: number): string {
	const slot = (deriveSeed(seed, -2) + (index % NAME_COMBINATIONS) * NAME_STRIDE) % NAME_COMBINATIONS;
	const stem = BUYER_STEMS[slot % BUYER_STEMS.length];
	const trade = BUYER_TRADES[Math.floor(slot / BUYER_STEMS.length)];
	return Math.floor(index / NAME_COMBINATIONS) % 2 === 0 ? `${stem} ${trade}` : `${trade} ${stem}`;
}

/** Generates deal `index` of the set for `seed`; the same inputs always give the same file. */
export function generateSyntheticDeal(index: number, { seed, today, revision = 0 }: SyntheticOptions): SyntheticDeal {
	const random = createRandom(deriveSeed(seed, index));
	const buyerName = makeBuyerName(index, seed);
	const seller = random.pick(SELLERS);
	const project = random.pick(PROJECTS);
	const slug = `${toSlug(buyerName)}-${toSlug(project.name)}-${String(index).padStart(3, '0')}`;
	const access = random.chance(PUBLIC_SHARE) ? 'public' : 'gated';
	const people = makePeople(random, `${toSlug(buyerName)}.example`, seller.domain);
	const ownerOf = new Map(people.map(({ key, stakeholder }) => [key, stakeholder]));
	const fill = (text: string): string => text.replace('{project}', project.name).replace('{system}', project.system);

	// Each deal sits at its own point of the evaluation: early, in the middle, or near the decision.
	const gaps = ACTION_TEMPLATES.map(() => random.int(2, 5));
	const span = gaps.reduce((sum, gap) => sum + gap, 0);
	const firstDue = addDays(today, -Math.round(span * (0.15 + random.next() * 0.75)));
	let due = firstDue;
	const slipped = new Set(random.sample(ACTION_TEMPLATES.map((template) => template.id), 4));
	const actions = ACTION_TEMPLATES.map((template, position) => {
		due = addDays(due, position === 0 ? 0 : gaps[position]);
		const owner = ownerOf.get(template.owner)!;
		const isPast = due < addDays(today, -2);
		const isNear = due <= addDays(today, 7);
		const status = isPast ? (random.chance(0.85) ? 'done' : random.pick(['in-progress', 'blocked'] as const)) : isNear ? 'in-progress' : 'todo';
		const hasStart = random.chance(0.4);
		const dateChanges = slipped.has(template.id)
			? (random.chance(0.5) ? [14, 7] : [7]).map((back, step, all) => ({
					on: addDays(due, -back - 3),
					from: addDays(due, -back),
					to: step === all.length - 1 ? due : addDays(due, -all[step + 1]),
					reason: random.pick(['The data extract was held up by the month-end close.', 'Counsel was away at a conference.', 'The team was pulled into the quarter-end audit.', 'Sizing was revised after the pilot.']),
					by: owner.name,
				}))
			: [];
		return {
			id: template.id,
			title: fill(template.title),
			side: owner.side,
			owner: owner.id,
			...(hasStart ? { start: addDays(due, -random.int(4, 8)) } : {}),
			due,
			status,
			...(status === 'done' ? { completedOn: addDays(due, -random.int(0, 1)) } : {}),
			milestone: MILESTONES[template.milestone].id,
			...(template.dependsOn.length > 0 ? { dependsOn: template.dependsOn } : {}),
			...(status === 'blocked' ? { notes: `Waiting on ${ownerOf.get('champion')!.name} for access; ticket IT-${random.int(1000, 9999)}.` } : {}),
			...(dateChanges.length > 0 ? { dateChanges } : {}),
		};
	});
	const milestones = MILESTONES.map((milestone, position) => {
		const last = actions.filter((action) => action.milestone === milestone.id).at(-1)!;
		return { id: milestone.id, title: random.pick(milestone.titles), due: addDays(last.due, random.int(0, 2)), description: `The ${fill('{project}')} reaches step ${position + 1} of 5 when every action below is done.` };
	});
	const decisionDate = milestones[3].due;
	const everyDays = 7;
	const checkinCount = random.int(3, 5);
	const checkins = Array.from({ length: checkinCount }, (_, back) => {
		const date = addDays(today, -everyDays * back - random.int(1, 3));
		const isNewest = back === 0;
		return {
			date: date < firstDue ? firstDue : date,
			summary: `${random.pick(['Weekly review', 'Steering update', 'Working session'])}: ${random.pick(['the pilot is on track', 'security questions are open', 'contract drafts are with legal', 'the business case is taking shape'])}.${isNewest && revision > 0 ? ` Revision ${revision} of the notes.` : ''}`,
			attendees: random.sample(people.map(({ stakeholder }) => stakeholder.id), random.int(3, 5)),
			decisions: random.sample(DECISIONS, random.int(1, 3)),
		};
	}).filter((checkin, position, all) => all.findIndex((other) => other.date === checkin.date) === position);
	const [primary, accent] = random.sample(BRAND_COLORS, 2);
	const plan = {
		title: `${buyerName} x ${seller.name}: ${project.name}`,
		locale: random.chance(0.15) ? 'id' : 'en',
		buyer: { name: buyerName },
		seller: { name: seller.name, contact: `deals@${seller.domain}` },
		brand: { primary, accent },
		decisionDate,
		status: 'active',
		access,
		share: { preview: random.chance(0.3) ? 'named' : 'neutral' },
		checkinEveryDays: everyDays,
		objective: {
			shared: `Replace the ${project.system} at ${buyerName} with the ${project.name} from ${seller.name}, live for the first region within a quarter.`,
			buyer: `Retire the ${project.system} before its support contract ends.`,
			seller: `Sign a three-year agreement and make ${buyerName} a reference customer.`,
		},
		successCriteria: random.sample(SUCCESS_CRITERIA, random.int(3, 4)),
		stakeholders: people.map(({ stakeholder }) => stakeholder),
		milestones,
		actions,
		risks: random.sample(RISKS, 6).map((risk) => ({
			id: risk.id,
			title: risk.title,
			probability: random.pick(['low', 'medium', 'high'] as const),
			impact: random.pick(['low', 'medium', 'high'] as const),
			...(random.chance(0.8) ? { mitigation: risk.mitigation } : {}),
			owner: random.pick(people).stakeholder.id,
		})),
		checkins: checkins.reverse(),
	};
	const body = makeBody(buyerName, seller.name, project, milestones.map((milestone) => milestone.title));
	const source = `---\n${stringify(plan, { lineWidth: 0 })}---\n\n${body}`;
	return { slug, file: `plans/${slug}.mdx`, source, access, ...(access === 'gated' ? { password: makePassword(random) } : {}) };
}

function makeBody(buyerName: string, sellerName: string, project: { name: string; system: string }, milestoneTitles: string[]): string {
	const nodes = milestoneTitles.map((title, index) => `  M${index}[${title.replace(/[^A-Za-z0-9 ,.'-]/g, ' ')}]`);
	const edges = milestoneTitles.slice(1).map((_, index) => `  M${index} --> M${index + 1}`);
	return `## Where we are

${buyerName} and ${sellerName} have been working together to replace the ${project.system}. The
pilot of the ${project.name} ran against the agreed success criteria, and the architecture board
reviewed the target design.

## Why now

The support contract of the ${project.system} ends next year, and the budget window closes at the
end of the quarter. Deciding on time leaves room to roll out the first region before peak season.

## The path to a decision

\`\`\`mermaid
flowchart LR
${[...nodes, ...edges].join('\n')}
\`\`\`

Security, legal and procurement run in parallel where they can, but legal approval waits for the
security review, and the purchase order waits for legal.

## Notes for executives

- **Security review** is on the critical path.
- **Legal redlines** decide whether the contract is ready in time.
- **The budget window** is the hard constraint on the decision date.
`;
}

/** Deals `0 .. count - 1` for `seed`. */
export function generateSyntheticDeals(count: number, options: SyntheticOptions): SyntheticDeal[] {
	return Array.from({ length: count }, (_, index) => generateSyntheticDeal(index, options));
}

/** A base64url site secret (32 bytes) for the benchmark's secrets file, from the seed. */
export function makeBenchSiteSecret(seed: number): string {
	const random = createRandom(deriveSeed(seed, -1));
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	return Array.from({ length: 43 }, () => random.pick([...alphabet])).join('');
}

/** The secrets file (`src/schema/secrets.ts`) that opens every gated synthetic deal. */
export function makeBenchSecrets(deals: readonly SyntheticDeal[], seed: number): { siteSecret: string; passwords: Record<string, string> } {
	return {
		siteSecret: makeBenchSiteSecret(seed),
		passwords: Object.fromEntries(deals.filter((deal) => deal.password).map((deal) => [deal.slug, deal.password!])),
	};
}
