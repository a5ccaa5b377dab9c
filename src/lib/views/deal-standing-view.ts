/** A deal's one-word standing in the plan's words: what the header tag and the overview show. */
import { formatDate, type Messages } from '../../i18n/index.ts';
import type { Plan } from '../../schema/plan.ts';
import { getDealStanding, type DealStandingLight, type DealStandingWord } from '../deal-standing.ts';
import type { PlanOverview } from '../plan-overview.ts';

/** The standing as a tag (word and colour) with the sentence that explains it. */
export interface DealStandingView {
	word: DealStandingWord;
	light: DealStandingLight;
	/** "On track", "Won". */
	label: string;
	/** "Status", so the tag reads "Status: On track" to a screen reader. */
	prefix: string;
	/** "3 open actions are late, blocked or at risk." */
	reason: string;
}

/** Words the standing of `plan` from its overview. */
export function getDealStandingView(plan: Pick<Plan, 'status' | 'locale'>, overview: Pick<PlanOverview, 'decision' | 'needsAttention'>, messages: Messages): DealStandingView {
	const standing = getDealStanding(plan, overview);
	const words = messages.dealStanding;
	const reason = standing.reason;
	let sentence: string;
	switch (reason.code) {
		case 'won':
		case 'lost':
		case 'paused':
			sentence = words[reason.code];
			break;
		case 'decision-slips':
			sentence = words.decisionSlips({ days: reason.slipDays, projected: formatDate(reason.projected, plan.locale, 'long') });
			break;
		case 'actions-need-attention':
			sentence = words.actionsNeedAttention({ count: reason.actionIds.length });
			break;
		case 'on-plan':
			sentence = words.onPlan;
			break;
	}
	return { word: standing.word, light: standing.light, label: words.word[standing.word], prefix: words.label, reason: sentence };
}
