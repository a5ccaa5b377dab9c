/**
 * Synthetic deals for the benchmark, made the way a rep makes a plan: the product's full template
 * (`npm run new`'s generator) extended by the bench's steps to the size of the large example plan
 * (22 actions, 5 milestones, 8 people), its placeholders filled from seeded word lists, then
 * carried forward like a deal under way: progress, slipped dates, risks, check-ins and a Mermaid
 * block in the body. Valid against the checker, and the same for the same seed.
 */
import { stringify } from 'yaml';
import { addDays, daysBetween } from '../../../src/lib/dates.ts';
import { createPlanInputFromTemplate, dateTemplateSteps } from '../../../src/lib/new-plan.ts';
import { getPlanTemplate, type TemplateLocale, type TemplatePerson } from '../../../src/lib/plan-templates.ts';
import { findPlaceholderTexts } from '../../../src/lib/placeholders.ts';
import { extendTemplate, type ProjectWords } from './bench-steps.ts';
import { BRAND_COLORS, BUYER_STEMS, BUYER_TRADES, DECISIONS, FIRST_NAMES, LAST_NAMES, PROJECTS, RISKS, SELLERS, SUCCESS_CRITERIA } from './names.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';
import { BENCH_WORDS } from './words.ts';

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
// Some deals are written in Indonesian, with the product's Indonesian template.
const INDONESIAN_SHARE = 0.15;
// The template step whose owner is the champion, named in the notes of blocked steps.
const CHAMPION_STEP = 'business-case';

const toSlug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function makePassword(random: Random): string {
	return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => random.pick([...LOWER])).join('')).join('-');
}

/** The template's stand-ins renamed to seeded people, as a rep fills in the real names and ids. */
function makePeople(random: Random, standIns: readonly TemplatePerson[], buyerDomain: string, sellerDomain: string) {
	const firsts = random.sample(FIRST_NAMES, standIns.length);
	const lasts = random.sample(LAST_NAMES, standIns.length);
	return standIns.map((standIn, index) => {
		const name = `${firsts[index]} ${lasts[index]}`;
		const id = toSlug(name);
		return {
			standInId: standIn.id,
			stakeholder: {
				id,
				name,
				role: standIn.role,
				side: standIn.side,
				email: `${id.replace('-', '.')}@${standIn.side === 'buyer' ? buyerDomain : sellerDomain}`,
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
	const project: ProjectWords = random.pick(PROJECTS);
	const slug = `${toSlug(buyerName)}-${toSlug(project.name)}-${String(index).padStart(3, '0')}`;
	const access = random.chance(PUBLIC_SHARE) ? 'public' : 'gated';
	const locale: TemplateLocale = random.chance(INDONESIAN_SHARE) ? 'id' : 'en';
	const words = BENCH_WORDS[locale];
	const baseTemplate = getPlanTemplate('full', locale);
	const template = extendTemplate(baseTemplate, project, (step) => step.workdays + random.int(-1, 2));

	// Each deal sits at its own point of the evaluation: early, in the middle, or near the end.
	const span = daysBetween(today, dateTemplateSteps(template.steps, today).map((step) => step.due).reduce((a, b) => (a > b ? a : b)));
	const started = addDays(today, -Math.round(span * (0.15 + random.next() * 0.75)));
	const input = createPlanInputFromTemplate(template, { buyer: buyerName, seller: seller.name, today: started });

	const people = makePeople(random, template.people, `${toSlug(buyerName)}.example`, seller.domain);
	const personOf = new Map(people.map(({ standInId, stakeholder }) => [standInId, stakeholder]));
	const rename = (standInId: string) => personOf.get(standInId)!;
	const champion = rename(template.steps.find((step) => step.id === CHAMPION_STEP)!.owner);

	// Slips are history: only steps due soon or already past have been moved, and never after today.
	const slipped = new Set(random.sample(input.actions.filter((action) => String(action.due) <= addDays(today, 10)).map((action) => action.id), 4));
	const doneIds = new Set<string>();
	const actions = input.actions.map((action) => {
		// The schema's input type leaves dates open (YAML may hold Date objects); new-plan writes strings.
		const due = String(action.due);
		const owner = rename(action.owner);
		const isPast = due < addDays(today, -2);
		const isNear = due <= addDays(today, 7);
		// A step is finished only once everything it waits for is, as on a real plan.
		const isReady = (action.dependsOn ?? []).every((id) => doneIds.has(id));
		const status = isPast ? (isReady && random.chance(0.85) ? 'done' : random.pick(['in-progress', 'blocked'] as const)) : isNear ? 'in-progress' : 'todo';
		if (status === 'done') doneIds.add(action.id);
		const backs = (random.chance(0.5) ? [14, 7] : [7]).filter((back) => addDays(due, -back - 3) <= today);
		const dateChanges = slipped.has(action.id)
			? backs.map((back, step) => ({
					on: addDays(due, -back - 3),
					from: addDays(due, -back),
					to: step === backs.length - 1 ? due : addDays(due, -backs[step + 1]),
					reason: random.pick(words.slipReasons),
					by: owner.name,
				}))
			: [];
		return {
			...action,
			owner: owner.id,
			status,
			...(status === 'done' ? { completedOn: addDays(due, -random.int(0, 1)) } : {}),
			...(status === 'blocked' ? { notes: words.blockedNote(champion.name, random.int(1000, 9999)) } : {}),
			...(dateChanges.length > 0 ? { dateChanges } : {}),
		};
	});
	const milestones = (input.milestones ?? []).map((milestone, position, all) => ({
		...milestone,
		description: words.milestoneDescription(project, position + 1, all.length),
	}));

	const everyDays = 7;
	const checkins = Array.from({ length: random.int(3, 5) }, (_, back) => {
		const date = addDays(today, -everyDays * back - random.int(1, 3));
		const isNewest = back === 0;
		return {
			date: date < started ? started : date,
			summary: `${random.pick(words.checkinKinds)}: ${random.pick(words.checkinStates)}.${isNewest && revision > 0 ? ` ${words.revision(revision)}` : ''}`,
			attendees: random.sample(people.map(({ stakeholder }) => stakeholder.id), random.int(3, 5)),
			decisions: random.sample(DECISIONS, random.int(1, 3)),
		};
	}).filter((checkin, position, all) => all.findIndex((other) => other.date === checkin.date) === position);
	const [primary, accent] = random.sample(BRAND_COLORS, 2);
	const plan = {
		title: input.title,
		locale,
		buyer: input.buyer,
		seller: { ...input.seller, contact: `deals@${seller.domain}` },
		brand: { primary, accent },
		decisionDate: input.decisionDate,
		status: input.status,
		access,
		share: { preview: random.chance(0.3) ? 'named' : 'neutral' },
		checkinEveryDays: everyDays,
		objective: {
			shared: input.objective.shared,
			buyer: words.buyerObjective(project),
			seller: words.sellerObjective(buyerName),
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
	const opening = findPlaceholderTexts(baseTemplate.body).reduce((body, placeholder) => body.replace(placeholder, words.opening(buyerName, seller.name, project)), baseTemplate.body);
	const body = `${opening}\n${words.rest(project, milestones.map((milestone) => milestone.title))}`;
	const source = `---\n${stringify(plan, { lineWidth: 0 })}---\n\n${body}`;
	const left = findPlaceholderTexts(source);
	if (left.length > 0) throw new Error(`Synthetic deal ${slug} still holds placeholders: ${left.join(', ')}. Fill them in synthetic-plan.ts.`);
	return { slug, file: `plans/${slug}.mdx`, source, access, ...(access === 'gated' ? { password: makePassword(random) } : {}) };
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
