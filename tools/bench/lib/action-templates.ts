/**
 * The shape every synthetic deal follows: five milestones and 22 actions with the dependencies
 * of a real enterprise evaluation, like the large example plan. Every action depends only on
 * actions listed before it, so due dates that grow down the list never break a dependency.
 */

/** The people of a synthetic deal by part: six on the buyer's side, two on the seller's. */
export const ROLES = [
	{ key: 'sponsor', side: 'buyer', role: 'VP, executive sponsor and budget owner' },
	{ key: 'champion', side: 'buyer', role: 'Head of the team, champion' },
	{ key: 'ciso', side: 'buyer', role: 'CISO, signs off security' },
	{ key: 'legal', side: 'buyer', role: 'Senior Legal Counsel, owns the contract' },
	{ key: 'procurement', side: 'buyer', role: 'Procurement Lead, supplier onboarding and purchase order' },
	{ key: 'architect', side: 'buyer', role: 'Enterprise Architect, chairs the architecture board' },
	{ key: 'ae', side: 'seller', role: 'Account Executive' },
	{ key: 'se', side: 'seller', role: 'Solutions Engineer, pilot and security questions' },
] as const;

/** A part in the deal, e.g. `ciso`. */
export type RoleKey = (typeof ROLES)[number]['key'];

/** The five milestones, with a few wordings each so deals read differently. */
export const MILESTONES = [
	{ id: 'technical-validation', titles: ['Architecture and pilot signed off', 'Technical validation complete', 'Pilot accepted'] },
	{ id: 'security-approved', titles: ['Security review passed', 'Security and privacy approved', 'Security sign-off'] },
	{ id: 'contract-agreed', titles: ['Contract and purchase order ready', 'Terms agreed', 'Legal and procurement done'] },
	{ id: 'decision', titles: ['Go/no-go decision', 'Steering committee decision', 'Final decision'] },
	{ id: 'implementation-ready', titles: ['Implementation plan approved', 'Ready to roll out', 'Project team in place'] },
] as const;

/** One action of the template; `{project}` and `{system}` are filled in per deal. */
export interface ActionTemplate {
	id: string;
	milestone: number;
	owner: RoleKey;
	title: string;
	dependsOn: string[];
}

/** The 22 actions, in date order. */
export const ACTION_TEMPLATES: readonly ActionTemplate[] = [
	{ id: 'discovery-workshop', milestone: 0, owner: 'ae', title: 'Run the discovery workshop on the {system} and its pain points', dependsOn: [] },
	{ id: 'share-current-architecture', milestone: 0, owner: 'architect', title: 'Share the current architecture and volumes of the {system}', dependsOn: [] },
	{ id: 'architecture-docs', milestone: 0, owner: 'se', title: 'Send the reference architecture for the {project}', dependsOn: ['share-current-architecture'] },
	{ id: 'pilot-environment', milestone: 0, owner: 'se', title: 'Provision the pilot environment with a sample of real data', dependsOn: ['architecture-docs'] },
	{ id: 'pilot-review', milestone: 0, owner: 'champion', title: 'Run the pilot against the agreed success criteria', dependsOn: ['pilot-environment', 'discovery-workshop'] },
	{ id: 'security-questionnaire', milestone: 1, owner: 'ciso', title: 'Send the vendor security questionnaire', dependsOn: [] },
	{ id: 'questionnaire-answers', milestone: 1, owner: 'se', title: 'Return the questionnaire with the SOC 2 report and pen-test summary', dependsOn: ['security-questionnaire'] },
	{ id: 'residency-confirmation', milestone: 1, owner: 'ae', title: 'Confirm data residency and the sub-processor list in writing', dependsOn: ['questionnaire-answers'] },
	{ id: 'sso-test', milestone: 1, owner: 'se', title: 'Test single sign-on with the identity provider', dependsOn: ['pilot-review'] },
	{ id: 'security-review', milestone: 1, owner: 'ciso', title: 'Complete the security review of the {project}', dependsOn: ['questionnaire-answers', 'residency-confirmation', 'sso-test'] },
	{ id: 'send-contract', milestone: 2, owner: 'ae', title: 'Send the master agreement and data processing agreement', dependsOn: [] },
	{ id: 'legal-redlines', milestone: 2, owner: 'legal', title: 'Return redlines on the master agreement', dependsOn: ['send-contract'] },
	{ id: 'redline-response', milestone: 2, owner: 'ae', title: 'Answer the redlines and agree final terms', dependsOn: ['legal-redlines'] },
	{ id: 'legal-approval', milestone: 2, owner: 'legal', title: 'Legal approves the final contract', dependsOn: ['redline-response', 'security-review'] },
	{ id: 'commercial-proposal', milestone: 3, owner: 'ae', title: 'Send the final commercial proposal for a three-year term', dependsOn: ['pilot-review'] },
	{ id: 'procurement-approval', milestone: 3, owner: 'procurement', title: 'Procurement approves and the purchase order is ready', dependsOn: ['commercial-proposal', 'legal-approval'] },
	{ id: 'business-case', milestone: 3, owner: 'champion', title: 'Present the business case for the {project} to the steering committee', dependsOn: ['commercial-proposal'] },
	{ id: 'go-no-go', milestone: 3, owner: 'sponsor', title: 'Go/no-go decision and contract signature', dependsOn: ['business-case', 'procurement-approval', 'legal-approval'] },
	{ id: 'implementation-plan', milestone: 4, owner: 'se', title: 'Draft the implementation plan and rollout waves', dependsOn: ['go-no-go'] },
	{ id: 'project-team', milestone: 4, owner: 'champion', title: 'Name the project team and its weekly rhythm', dependsOn: ['go-no-go'] },
	{ id: 'success-plan', milestone: 4, owner: 'ae', title: 'Agree the success plan and the first-year review dates', dependsOn: ['implementation-plan'] },
	{ id: 'implementation-approval', milestone: 4, owner: 'sponsor', title: 'Approve the implementation plan for the {project}', dependsOn: ['implementation-plan', 'project-team', 'success-plan'] },
];
