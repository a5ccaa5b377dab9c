/**
 * A small deal rendered with the real components (ActionCard, RiskCard, SearchBox) inside the
 * deal layout's frame, under the URLs a published deal uses. Shared by the index test and the
 * browser test.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import ActionCard from '../../../src/components/ActionCard.astro';
import PlanFilters from '../../../src/components/PlanFilters.astro';
import RiskCard from '../../../src/components/RiskCard.astro';
import SearchBox from '../../../src/components/SearchBox.astro';
import { getMessages } from '../../../src/i18n/index.ts';
import { getSearchLabels } from '../../../src/lib/search/labels.ts';

export const ROUTE_ID = 'k3j5m2q7x4n6p8r2';
export const BASE = `/${ROUTE_ID}/`;
/** A word that appears only in the notes of the action `security-review`. */
export const NOTES_ONLY_WORD = 'zeppelin';
export const NOTES_ONLY_ACTION = 'security-review';

const container = await AstroContainer.create();
const messages = getMessages('en');

const actions = [
	{ id: 'kickoff', title: 'Kick-off workshop', owner: 'Priya Raman (Buyer)', notes: 'Agenda shared with the steering group.', isCritical: true },
	{ id: NOTES_ONLY_ACTION, title: 'Security questionnaire', owner: 'Priya Raman (Buyer)', notes: `Vendor answers go to the ${NOTES_ONLY_WORD} review board before legal.` },
	{ id: 'pricing', title: 'Commercial proposal', owner: 'Tomás Eriksen (Seller)', notes: undefined },
];

async function renderAction(action: (typeof actions)[number]): Promise<string> {
	const [ownerName, side] = action.owner.includes('(Buyer)') ? [action.owner.replace(' (Buyer)', ''), 'buyer' as const] : [action.owner.replace(' (Seller)', ''), 'seller' as const];
	return container.renderToString(ActionCard, {
		props: {
			row: {
				id: action.id,
				title: action.title,
				status: 'on-track',
				light: 'green',
				statusLabel: 'On track',
				live: undefined,
				ownerId: ownerName.toLowerCase().replace(/[^a-z]+/g, '-'),
				ownerName,
				side,
				sideLabel: messages.side[side],
				dueText: 'Due May 3',
				movedText: undefined,
				// The float text sits right after the due date in the markup, as on a real plan page.
				floatText: 'isCritical' in action ? messages.schedule.critical : undefined,
				isCritical: 'isCritical' in action,
				isDone: false,
				facts: [
					[messages.action.owner, action.owner],
					[messages.action.due, 'May 3, 2026'],
				],
				notes: action.notes,
				dateHistory: [],
			},
			detailsLabel: messages.planPage.details,
			dateHistoryLabel: messages.action.dateHistory,
		},
	});
}

/** The frame of DealLayout: header and nav outside `<main>`, the search box in the header. */
function page(title: string, main: string, searchBox: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mutual action plan</title></head><body><mapsite-content data-title="${title}"><header class="site-header"><p>Contoso × Acme Analytics</p>${searchBox}</header><nav><a href="${BASE}">Overview</a> <a href="${BASE}plan/">Plan</a> <a href="${BASE}people/">People</a> <a href="${BASE}risks/">Risks</a></nav><main id="main"><h1 class="page-title">${title}</h1>${main}</main><footer>Prepared by Acme Analytics</footer></mapsite-content></body></html>`;
}

/** The deal's pages, as the build hands them to the search index. */
export async function renderFixturePages(): Promise<{ url: string; html: string }[]> {
	const searchBox = await container.renderToString(SearchBox, { props: { labels: getSearchLabels(messages.search, 'en') } });
	const cards = (await Promise.all(actions.map(renderAction))).join('');
	// The plan page's filter controls: buttons and a person picker, which are not content.
	const filters = await container.renderToString(PlanFilters, {
		props: {
			people: [
				{ id: 'priya-raman', name: 'Priya Raman', side: 'buyer' },
				{ id: 'tomas-eriksen', name: 'Tomás Eriksen', side: 'seller' },
			],
			messages,
		},
	});
	const risk = await container.renderToString(RiskCard, {
		props: {
			id: 'budget-freeze',
			title: 'Budget freeze in Q3',
			level: 'high',
			levelLabel: 'High',
			scoreText: 'Probability High × Impact High = Severity 9',
			mitigationLabel: messages.risks.mitigation,
			mitigation: 'Sign before the quarter closes.',
			noMitigationLabel: messages.risks.noMitigation,
			ownerLabel: messages.risks.owner,
			ownerName: 'Tomás Eriksen',
		},
	});
	return [
		{ url: BASE, html: page('Overview', '<section><h2 id="objective">Objective</h2><p>Replace the nightly batch with streaming analytics.</p></section>', searchBox) },
		{ url: `${BASE}plan/`, html: page('Plan', `${filters}<section><h2 id="m-evaluation">Technical evaluation</h2><ul class="actions">${cards}</ul></section>`, searchBox) },
		{
			url: `${BASE}people/`,
			html: page('People', '<ul><li><h3 id="person-priya">Priya Raman</h3><p>Head of Data</p><h4>Open actions</h4><ul><li>Kick-off workshop</li><li>Security questionnaire</li></ul></li></ul>', searchBox),
		},
		{ url: `${BASE}risks/`, html: page('Risks', `<ul class="risks">${risk}</ul>`, searchBox) },
	];
}
