/** Risk views turned into the strings RiskCard shows. */
import type { Messages } from '../i18n/index.ts';
import type { RiskView } from '../lib/views/risk-view.ts';

/** RiskCard props (without the heading level) for each of `risks`. */
export function toRiskCards(risks: readonly RiskView[], messages: Messages, severityLabel: string) {
	return risks.map((risk) => ({
		id: risk.id,
		title: risk.title,
		level: risk.level,
		levelLabel: messages.level[risk.level],
		scoreText: `${messages.risks.probability} ${messages.level[risk.probability]} × ${messages.risks.impact} ${messages.level[risk.impact]} = ${severityLabel} ${risk.severity}`,
		mitigationLabel: messages.risks.mitigation,
		mitigation: risk.isUnmitigated ? undefined : risk.mitigation,
		noMitigationLabel: messages.risks.noMitigation,
		ownerLabel: messages.risks.owner,
		ownerName: risk.owner?.name,
	}));
}
