/** English labels of the buyer microsite: the source catalogue every other language must match. */
import type { ActionStatus, Level, Side } from '../../schema/plan.ts';
import type { DealStandingWord } from '../../lib/deal-standing.ts';
import type { HealthLevel } from '../../lib/health.ts';
import type { ItemStatus } from '../../lib/status.ts';
import { DEFAULT_CALENDAR_LABELS } from '../../lib/calendar/labels.ts';
import { ENGLISH_GATE_LABELS } from '../../lib/gate/labels.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { selectPlural } from '../plural.ts';

const n = (value: number): string => formatNumber(value, 'en');
const days = (count: number): string => `${n(count)} ${selectPlural('en', count, { one: 'day', other: 'days' })}`;

/** The English catalogue; its shape is the {@link Messages} type. Dates arrive already formatted. */
export const en = {
	/** The language's own name, for a language switch. */
	languageName: 'English',
	/** Text alternative of a company's logo. */
	logoAlt: (name: string): string => `${name} logo`,
	nav: {
		label: 'Plan sections',
		skipToContent: 'Skip to content',
		overview: 'Overview',
		plan: 'Plan',
		timeline: 'Timeline',
		dependencies: 'Dependencies',
		people: 'People',
		risks: 'Risks',
		checkins: 'Check-ins',
		executiveSummary: 'Executive summary',
		calendar: 'Calendar',
	},
	itemStatus: {
		done: 'Done',
		late: 'Late',
		blocked: 'Blocked',
		'at-risk': 'At risk',
		'due-soon': 'Due soon',
		'on-track': 'On track',
	} satisfies Record<ItemStatus, string>,
	actionStatus: {
		todo: 'To do',
		'in-progress': 'In progress',
		done: 'Done',
		blocked: 'Blocked',
	} satisfies Record<ActionStatus, string>,
	side: {
		buyer: 'Buyer',
		seller: 'Seller',
	} satisfies Record<Side, string>,
	level: {
		low: 'Low',
		medium: 'Medium',
		high: 'High',
	} satisfies Record<Level, string>,
	health: {
		label: 'Deal health',
		level: {
			green: 'Healthy',
			yellow: 'Needs attention',
			red: 'In trouble',
		} satisfies Record<HealthLevel, string>,
		score: (p: { score: number }): string => `Score ${n(p.score)} of 100`,
	},
	gate: {
		title: 'This plan is private',
		intro: 'Enter the password you were given to open it.',
		passwordLabel: 'Password',
		unlock: 'Unlock',
		unlocking: 'Unlocking…',
		rememberDevice: 'Remember this device',
		wrongPassword: 'That password did not work. Check it and try again.',
		lock: 'Lock',
		copyShareLink: 'Copy share link',
		shareLinkCopied: 'Link copied',
		javascriptRequired: 'This plan is encrypted. Turn on JavaScript in your browser to unlock it.',
		insecureContext: 'This page can only be unlocked over a secure connection. Open the link that starts with https://.',
		previewBanner: 'Preview, not gated',
	},
	search: {
		label: 'Search this plan',
		placeholder: 'Search actions, people and risks',
		noResults: (p: { query: string }): string => `Nothing matches “${p.query}”.`,
		resultCount: (p: { count: number }): string =>
			`${n(p.count)} ${selectPlural('en', p.count, { one: 'result', other: 'results' })}`,
		loading: 'Loading search…',
		unavailable: 'Search could not load. Reload the page to try again.',
	},
	feedback: {
		markDone: 'Mark done',
		proposeNewDate: 'Propose new date',
		comment: 'Comment',
		suggestAction: 'Suggest an action',
		flagRisk: 'Flag a risk',
		whatHappensNext: 'What happens next',
		whatHappensNextBody:
			'Your note goes to the team that keeps this plan. Once they accept it, the plan here is updated and everyone sees the change.',
		heading: 'Your feedback',
		intro: 'Suggest an action or flag a risk for the plan as a whole. On the plan page, open an action’s details and press Feedback to mark it done, propose a new date or comment.',
		from: 'Your name or email',
		newDate: 'New date',
		message: 'Message',
		messageOptional: 'Message (optional)',
		send: 'Send',
		sendByEmail: 'Send by email',
		sendOnGitHub: 'Continue on GitHub',
		otherWays: 'Or send it another way:',
		emailLink: 'Email the team',
		githubLink: 'Open a GitHub issue',
		/** The accessible name of an action's form: "Mark done: Security review". */
		formFor: (p: { control: string; action: string }): string => `${p.control}: ${p.action}`,
		sending: 'Sending…',
		sent: 'Sent; the team will update the plan.',
		emailOpened: 'Your email app opens with your note filled in; send it from there.',
		githubOpened: 'GitHub opens in a new tab with the form filled in; submit it there.',
		invalid: 'The feedback was not accepted. Check the fields and send again.',
		refused: 'This feedback form is no longer valid. Reload the plan and try again, or send it another way.',
		tooLarge: 'The message is too long. Shorten it and send again.',
		tooMany: 'Too much feedback was sent from here in a short time. Wait a few minutes and try again.',
		failed: 'The feedback could not be saved, so nothing was sent. Try again later, or send it another way.',
		network: 'The feedback service could not be reached. Check your connection and try again, or send it another way.',
	},
	/** The feedback email a buyer sends without a relay; `{name}` marks where a value goes (it travels to the browser as JSON). */
	feedbackEmail: {
		greeting: 'Hello,',
		done: '{from} marked “{action}” done.',
		newDate: '{from} asks to move “{action}” to {date}.',
		comment: '{from} commented on “{action}”:',
		planComment: '{from} commented on the plan:',
		newAction: '{from} suggests a new action:',
		newActionBy: '{from} suggests a new action, to be done by {date}:',
		newRisk: '{from} flags a risk:',
		newRiskBy: '{from} flags a risk that matters by {date}:',
		messageLabel: 'Their note:',
		planLine: 'Plan: {plan}',
		keepBlock: 'Please send this email as it is. The block below lets the team update the plan in one step; if it is changed, the team has to retype your note.',
		subject: 'Plan feedback: {what}',
	},
	progress: {
		label: 'Progress',
		/** "12 of 18 done, 67%". */
		summary: (p: { done: number; total: number; percent: number }): string =>
			`${n(p.done)} of ${n(p.total)} done, ${formatPercent(p.percent, 'en')}`,
	},
	dates: {
		due: (p: { date: string }): string => `due ${p.date}`,
		completedOn: (p: { date: string }): string => `done ${p.date}`,
		/** "due May 3 → May 17, changed Apr 28: security backlog". */
		dateChange: (p: { from: string; to: string; on: string; reason: string }): string =>
			`due ${p.from} → ${p.to}, changed ${p.on}: ${p.reason}`,
		dateChangeBy: (p: { from: string; to: string; on: string; by: string; reason: string }): string =>
			`due ${p.from} → ${p.to}, changed ${p.on} by ${p.by}: ${p.reason}`,
		daysLate: (p: { count: number }): string => `${days(p.count)} late`,
		decisionDate: 'Decision date',
		projectedDecisionLate: (p: { projected: string; days: number; planned: string }): string =>
			`Projected decision ${p.projected}, ${days(p.days)} after the planned ${p.planned}`,
		projectedDecisionOnTime: (p: { planned: string }): string => `Projected decision on the planned ${p.planned}`,
	},
	/** Working calendars, time away, float and dates to agree (see src/lib/schedule). */
	schedule: {
		/** Shown instead of a date for `due: tbd`. */
		toAgree: 'date to agree',
		dueToAgree: 'Date to agree',
		/** Float in working days beside an open action. */
		canSlip: (p: { count: number }): string => `can slip ${days(p.count)}`,
		critical: 'on the critical path',
		/** Under the projected decision when steps have no date yet. */
		undated: (p: { count: number }): string =>
			`Not counted yet: ${n(p.count)} ${selectPlural('en', p.count, { one: 'step', other: 'steps' })} with a date to agree`,
		away: (p: { name: string; from: string; to: string; note: string | undefined }): string =>
			`${p.name} is away ${p.from} – ${p.to}${p.note ? ` (${p.note})` : ''}`,
		holiday: (p: { date: string; name: string; country: string }): string => `${p.date} is ${p.name} in ${p.country}`,
		/** Heading of the timeline's list of closed periods (buyer.calendar / seller.calendar closed). */
		closedPeriods: 'Closed periods',
		closed: (p: { party: string; from: string; to: string; note: string | undefined }): string =>
			`${p.party} is closed ${p.from} – ${p.to}${p.note ? ` (${p.note})` : ''}`,
		weekend: (p: { date: string; party: string }): string => `${p.date} is not a working day for ${p.party}`,
	},
	overview: {
		objective: 'Shared objective',
		successCriteria: 'Success criteria',
		nextSteps: 'Next steps',
		noNextSteps: 'Nothing left to do: every action is done.',
		latestCheckin: 'Latest check-in',
		noCheckins: 'No check-ins yet.',
		changesSinceCheckin: (p: { date: string }): string => `What changed since the check-in on ${p.date}`,
		noChangesSinceCheckin: 'Nothing has changed since then.',
		print: 'Print',
	},
	action: {
		owner: 'Owner',
		due: 'Due',
		start: 'Start',
		milestone: 'Milestone',
		dependsOn: 'Waits on',
		notes: 'Notes',
		comments: 'Comments',
		dateHistory: 'Date changes',
	},
	people: {
		email: 'Email',
		phone: 'Phone',
		availability: 'Availability',
		/** Time away (stakeholders[].away) that has not ended; the schedule moves their open work past it. */
		away: 'Away',
		ownsActions: (p: { count: number }): string =>
			`Owns ${n(p.count)} ${selectPlural('en', p.count, { one: 'action', other: 'actions' })}`,
	},
	risks: {
		probability: 'Probability',
		impact: 'Impact',
		mitigation: 'Mitigation',
		owner: 'Owner',
		noMitigation: 'No mitigation yet',
		none: 'No risks recorded.',
	},
	checkins: {
		attendees: 'Attendees',
		decisions: 'Decisions',
		none: 'No check-ins yet.',
	},
	/** The executive summary: one printed page a champion can forward. */
	executiveSummary: {
		/** "As of November 23, 2026": the day the figures were computed, so a forwarded PDF is dated. */
		asOf: (p: { date: string }): string => `As of ${p.date}`,
		decidedOn: (p: { date: string }): string => `Decision date: ${p.date}`,
		asks: 'What we need from you',
		asksIntro: 'Open steps on the critical path that your side owns: each one moves the decision.',
		noAsks: 'Nothing on the critical path is waiting for your side.',
		notes: 'Notes for executives',
		/** Headings of the plan-body section the summary quotes, matched without regard to case. */
		notesSectionTitles: ['Notes for executives', 'Notes for execs', 'Executive notes'],
		owner: 'Owner',
		due: 'Due',
	},
	/** The dependency graph page and every drawn diagram. */
	graph: {
		/** Name of the scrollable box around the generated graph. */
		region: 'Dependency graph (scrolls sideways when wider than the screen)',
		/** Name of the scrollable box around a diagram in the plan's text. */
		diagramRegion: 'Diagram (scrolls sideways when wider than the screen)',
		/** The visible caption under a diagram in the plan's text, which also names its scroll box. */
		diagramCaption: (p: { number: number; title?: string }): string => `Diagram ${p.number}${p.title ? `: ${p.title}` : ''}`,
		legendTitle: 'How to read the graph',
		arrows: 'Arrows point from a step to the steps that wait for it.',
		criticalPath: 'Thick outline and arrow: on the critical path to the decision.',
		criticalPathNone: 'No open step stands between the plan and its decision.',
	},
	calendar: {
		whatIOweIntro: 'Add the plan’s dates, or only the actions one person owns, to Google Calendar, Outlook or Apple Calendar: open the downloaded file. Download again after the plan changes.',
		wholePlan: 'Whole plan',
		subscribe: 'Subscribe',
		download: 'Download .ics',
	},
	milestone: {
		completedTitle: (p: { title: string }): string => `Milestone reached: ${p.title}`,
		completedBody: 'Well done, everyone. On to the next one.',
	},
	/** Page words of the deal pages that no other group holds: headings, empty states, legends. */
	page: {
		siteTitle: 'Mutual action plan',
		overall: 'Overall',
		needsAttention: 'Late or at risk',
		nothingNeedsAttention: 'Nothing is late or at risk.',
		cause: 'What moves the decision',
		otherActions: 'Other actions',
		today: 'Today',
		decision: 'Decision',
		severity: 'Severity',
		topRisks: 'Top risks',
		criticalPath: 'Critical path to the decision',
		changesSinceStart: 'What changed since the plan started',
		completed: 'Completed',
		dateChanges: 'Date changes',
		openActions: 'Open actions',
		risksOwned: 'Risks owned',
		noPeople: 'Nobody listed.',
		timelineIntro: 'Each bar runs from an action’s start to its due date; diamonds mark milestones.',
		buyerGoal: 'Buyer goal',
		sellerGoal: 'Seller goal',
		preparedBy: 'Prepared by',
	},
	/** Where the deal stands in one word, and why (src/lib/deal-standing.ts). */
	dealStanding: {
		label: 'Status',
		word: {
			'on-track': 'On track',
			'at-risk': 'At risk',
			late: 'Late',
			won: 'Won',
			lost: 'Lost',
			paused: 'Paused',
		} satisfies Record<DealStandingWord, string>,
		won: 'The deal is won.',
		lost: 'The deal is closed as lost.',
		paused: 'The deal is on hold.',
		decisionSlips: (p: { days: number; projected: string }): string => `The decision is projected for ${p.projected}, ${days(p.days)} late.`,
		actionsNeedAttention: (p: { count: number }): string =>
			`${n(p.count)} open ${selectPlural('en', p.count, { one: 'action is', other: 'actions are' })} late, blocked or at risk.`,
		onPlan: 'The decision holds to the planned date.',
	},
	/** The overview's first screen. */
	overviewPage: {
		decision: 'Decision',
		planned: 'Planned decision',
		projected: 'Projected decision',
		decided: 'Decision date',
		late: 'Late',
		alsoLate: 'Also late or at risk',
		nothingElseLate: 'Nothing else is late or at risk.',
		allSteps: 'All open actions on the plan',
		whatIOwe: 'What each person owes',
	},
	/** The plan page's rows, folds and filters. */
	planPage: {
		otherActions: 'Other actions',
		details: 'Details',
		doneCount: (p: { count: number }): string => `${n(p.count)} done`,
		moved: (p: { count: number }): string =>
			p.count === 1 ? 'moved once' : p.count === 2 ? 'moved twice' : `moved ${n(p.count)} times`,
		dueOn: (p: { date: string }): string => `Due ${p.date}`,
		feedback: 'Feedback',
		filterLabel: 'Show',
		filterAll: 'All',
		filterLate: 'Late',
		filterPerson: 'Person',
		everyone: 'Everyone',
		/** The filter's live status; `count` arrives formatted by the browser. */
		showing: (p: { count: string; filter: string }): string => `Open actions shown: ${p.count} (${p.filter})`,
		showingAll: 'Showing every action.',
		noneMatch: 'No open actions match.',
	},
	/** "What I owe": one person's open actions in date order. */
	owe: {
		heading: 'What I owe',
		intro: 'Each person’s open actions, the earliest due first. Pick your name.',
		pick: 'Person',
		everyone: 'Everyone',
		whatPersonOwes: (p: { name: string }): string => `What ${p.name} owes`,
		nothingOwed: 'Nothing open: every action is done.',
		calendar: 'Add to calendar (.ics)',
		showingPerson: (p: { name: string; count: number }): string =>
			`${p.name}: ${n(p.count)} open ${selectPlural('en', p.count, { one: 'action', other: 'actions' })}`,
		showingEveryone: 'Showing everyone.',
	},
	/** The words inside calendar feeds (.ics), in the shape the calendar builder takes. */
	calendarFeed: DEFAULT_CALENDAR_LABELS,
	/** The neutral shell and the loader's messages, before a visitor unlocks. */
	gateShell: ENGLISH_GATE_LABELS,
	/** Link previews (Open Graph cards and meta tags); public, so neutral unless a plan opts in. */
	sharePreview: {
		dealTitle: 'Mutual action plan',
		summaryTitle: 'Executive summary',
		decisionBy: 'Decision by',
		done: 'done',
		/** The neutral description: "A private plan shared by Acme. Open the link to unlock it." */
		description: (p: { seller: string }): string => `A private plan shared by ${p.seller}. Open the link to unlock it.`,
		/** Text alternative of the card image. */
		imageAlt: (p: { seller: string }): string => `${p.seller}: mutual action plan`,
	},
};

/** Every message the microsite shows; each catalogue must have exactly these keys and parameters. */
export type Messages = typeof en;
