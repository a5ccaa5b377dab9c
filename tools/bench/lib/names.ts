/** Word lists the synthetic deals are built from; varied enough that no two deals read alike. */

/** First half of a buyer's name. */
export const BUYER_STEMS = [
	'Northwind', 'Kestrel', 'Bluefin', 'Cobalt', 'Juniper', 'Harbor', 'Summit', 'Granite', 'Larkspur', 'Orchard',
	'Pinecrest', 'Redwood', 'Silverline', 'Tidewater', 'Vantage', 'Altamira', 'Brightwater', 'Cedarbrook', 'Driftwood', 'Evergreen',
	'Falconridge', 'Goldleaf', 'Highland', 'Ironbridge', 'Lakeshore', 'Maplewood', 'Oakhurst', 'Riverside', 'Stonegate', 'Westbrook',
] as const;

/** Second half of a buyer's name: the industry. */
export const BUYER_TRADES = [
	'Freight', 'Logistics', 'Health', 'Bank', 'Foods', 'Energy', 'Retail', 'Insurance', 'Telecom', 'Manufacturing',
	'Pharma', 'Airlines', 'Media', 'Mining', 'Utilities', 'Hotels',
] as const;

/** Sellers, with the domain their people write from. */
export const SELLERS = [
	{ name: 'Tidewell Data', domain: 'tidewell.example' },
	{ name: 'Acme Analytics', domain: 'acme-analytics.example' },
	{ name: 'Brightpath Software', domain: 'brightpath.example' },
	{ name: 'Lumen Cloud', domain: 'lumen-cloud.example' },
	{ name: 'Quarry Security', domain: 'quarry.example' },
	{ name: 'Helix Systems', domain: 'helix.example' },
	{ name: 'Nimbus Works', domain: 'nimbus.example' },
	{ name: 'Orbital HR', domain: 'orbital-hr.example' },
] as const;

/** What is being bought: the project's name and the buyer's system it replaces. */
export const PROJECTS = [
	{ name: 'data platform', system: 'nightly batch warehouse' },
	{ name: 'CRM rollout', system: 'legacy contact database' },
	{ name: 'security analytics', system: 'on-premises log server' },
	{ name: 'payroll system', system: 'spreadsheet payroll process' },
	{ name: 'supply chain planning', system: 'regional planning tools' },
	{ name: 'customer portal', system: 'email-based service desk' },
	{ name: 'observability stack', system: 'patchwork of monitoring tools' },
	{ name: 'billing migration', system: 'home-grown billing engine' },
	{ name: 'HR platform', system: 'paper onboarding forms' },
	{ name: 'e-signature rollout', system: 'print-and-scan contract flow' },
] as const;

/** Given names of stakeholders. */
export const FIRST_NAMES = [
	'Priya', 'Tom', 'Elena', 'Marcus', 'Hannah', 'David', 'Sam', 'Aisha', 'Kenji', 'Lucia', 'Omar', 'Greta', 'Wei', 'Fatima',
	'Jonas', 'Amara', 'Diego', 'Ingrid', 'Ravi', 'Chloe', 'Mateo', 'Nadia', 'Tariq', 'Yuki', 'Ben', 'Siti', 'Arjun', 'Maya',
] as const;

/** Family names of stakeholders. */
export const LAST_NAMES = [
	'Raman', 'Okafor', 'Vasquez', 'Lee', 'Berg', 'Cho', 'Ortiz', 'Khan', 'Tanaka', 'Rossi', 'Haddad', 'Lindqvist', 'Zhang',
	'Nasser', 'Weber', 'Mensah', 'Alvarez', 'Dahl', 'Iyer', 'Martin', 'Silva', 'Petrova', 'Aziz', 'Sato', 'Wright', 'Rahman',
] as const;

/** Brand colours that all pass WCAG AA against white, so the checker raises no contrast warning. */
export const BRAND_COLORS = [
	'#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0f766e', '#9a3412', '#4338ca', '#15803d', '#a21caf', '#1e40af', '#374151',
] as const;

/** Success criteria a buyer might sign up to. */
export const SUCCESS_CRITERIA = [
	'Events reach the operations dashboard in under 60 minutes for 95% of loads.',
	'The pilot workloads run without manual fixes for 30 days.',
	'Security review passed with no open high findings.',
	'Total cost over three years at or below the current renewal quote.',
	'Two regional teams use the new tool weekly by the end of the first quarter.',
	'Month-end close finishes a full day earlier than today.',
	'Support tickets about the old process fall by half within six months.',
] as const;

/** Risks a deal might carry, each with a mitigation. */
export const RISKS = [
	{ id: 'budget-freeze', title: 'A budget freeze applies to any contract not signed before year end', mitigation: 'Keep the decision date and book the steering committee now.' },
	{ id: 'security-capacity', title: 'The security team is stretched by the quarter-end audit', mitigation: 'The solutions engineer joins the weekly office hours.' },
	{ id: 'data-residency', title: 'Customer data for one region must stay in that region', mitigation: 'Regional hosting and sub-processors confirmed in writing.' },
	{ id: 'legal-bandwidth', title: 'Legal counsel has little time this month', mitigation: 'Start from the buyer\'s own template and book two review calls.' },
	{ id: 'test-tenant', title: 'No test tenant for single sign-on yet', mitigation: 'Escalate the IT ticket; fall back to a sandbox tenant.' },
	{ id: 'team-capacity', title: 'A parallel migration competes for the same engineers', mitigation: 'Phase the rollout by region; seller services carry the first wave.' },
	{ id: 'champion-leaves', title: 'The champion may move to another role after the reorganisation', mitigation: 'Bring a second sponsor into every check-in.' },
	{ id: 'scope-creep', title: 'New requirements keep arriving from other departments', mitigation: 'Park them in a phase-two list agreed by the sponsor.' },
	{ id: 'price-pressure', title: 'Procurement asks for a discount beyond the approved range', mitigation: 'Offer a longer term instead of a lower price.' },
] as const;

/** Decisions recorded at check-ins. */
export const DECISIONS = [
	'Keep the decision date; the budget window does not move.',
	'The champion books the architecture board for next week.',
	'Security review starts with the SOC 2 report, then data residency.',
	'The seller sends the contract drafts by Friday.',
	'Legal and procurement run in parallel from now on.',
	'The pilot scope stays at three workloads.',
	'Move the business case to the next steering committee.',
] as const;
