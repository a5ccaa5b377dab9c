/**
 * The benchmark's extension of the product's full plan template. `npm run new` starts a rep with
 * ten steps; a deal well under way, like the large example plan, carries about twenty. These
 * steps fill the gap through the same structures (`TemplateStep`), so the synthetic deals are the
 * product's template plus what a real evaluation adds, not a second template.
 */
import type { PlanTemplate, TemplateLocale, TemplateStep } from '../../../src/lib/plan-templates.ts';

/** One step the bench adds; `{project}` and `{system}` are filled in per deal. */
export interface BenchStep {
	id: string;
	title: Record<TemplateLocale, string>;
	/** The template step whose owner also owns this one, so the people stay the template's own. */
	ownerOf: string;
	workdays: number;
	milestone: string;
	dependsOn: string[];
	/** Template steps that wait for this one (it is added to their `dependsOn`). */
	feeds: string[];
}

/** Twelve steps on top of the full template's ten: 22, like the large example plan. */
export const BENCH_STEPS: readonly BenchStep[] = [
	{
		id: 'share-current-architecture',
		title: { en: 'Share the current architecture and volumes of the {system}', id: 'Bagikan arsitektur dan volume data {system} saat ini' },
		ownerOf: 'technical-validation', workdays: 3, milestone: 'evaluation-agreed', dependsOn: ['discovery'], feeds: ['demo'],
	},
	{
		id: 'pilot-environment',
		title: { en: 'Provision the pilot environment for the {project} with a sample of real data', id: 'Siapkan lingkungan uji coba {project} dengan contoh data sungguhan' },
		ownerOf: 'demo', workdays: 4, milestone: 'solution-validated', dependsOn: ['demo', 'share-current-architecture'], feeds: ['technical-validation'],
	},
	{
		id: 'security-questionnaire',
		title: { en: 'Send the vendor security questionnaire', id: 'Kirim kuesioner keamanan vendor' },
		ownerOf: 'security-review', workdays: 2, milestone: 'solution-validated', dependsOn: ['demo'], feeds: [],
	},
	{
		id: 'questionnaire-answers',
		title: { en: 'Return the questionnaire with the SOC 2 report and pen-test summary', id: 'Kembalikan kuesioner beserta laporan SOC 2 dan ringkasan uji penetrasi' },
		ownerOf: 'demo', workdays: 5, milestone: 'solution-validated', dependsOn: ['security-questionnaire'], feeds: ['security-review'],
	},
	{
		id: 'residency-confirmation',
		title: { en: 'Confirm data residency and the sub-processor list in writing', id: 'Konfirmasi lokasi penyimpanan data dan daftar sub-pemroses secara tertulis' },
		ownerOf: 'discovery', workdays: 3, milestone: 'solution-validated', dependsOn: ['questionnaire-answers'], feeds: ['security-review'],
	},
	{
		id: 'sso-test',
		title: { en: 'Test single sign-on with the identity provider', id: 'Uji single sign-on dengan penyedia identitas' },
		ownerOf: 'demo', workdays: 3, milestone: 'solution-validated', dependsOn: ['pilot-environment'], feeds: ['security-review'],
	},
	{
		id: 'architecture-signoff',
		title: { en: 'Architecture board signs off the target design of the {project}', id: 'Dewan arsitektur menyetujui rancangan akhir {project}' },
		ownerOf: 'technical-validation', workdays: 2, milestone: 'solution-validated', dependsOn: ['technical-validation'], feeds: ['business-case'],
	},
	{
		id: 'send-contract',
		title: { en: 'Send the master agreement and data processing agreement', id: 'Kirim perjanjian induk dan perjanjian pemrosesan data' },
		ownerOf: 'discovery', workdays: 2, milestone: 'contract-agreed', dependsOn: ['demo'], feeds: ['legal-review'],
	},
	{
		id: 'redline-response',
		title: { en: 'Answer the redlines and agree final terms', id: 'Tanggapi catatan revisi dan sepakati ketentuan akhir' },
		ownerOf: 'discovery', workdays: 3, milestone: 'contract-agreed', dependsOn: ['legal-review'], feeds: ['procurement'],
	},
	{
		id: 'commercial-proposal',
		title: { en: 'Send the final commercial proposal for a three-year term', id: 'Kirim proposal komersial akhir untuk masa tiga tahun' },
		ownerOf: 'discovery', workdays: 3, milestone: 'contract-agreed', dependsOn: ['business-case'], feeds: ['procurement'],
	},
	{
		id: 'project-team',
		title: { en: 'Name the project team and its weekly rhythm', id: 'Tetapkan tim proyek dan jadwal rapat mingguannya' },
		ownerOf: 'business-case', workdays: 3, milestone: 'kickoff-ready', dependsOn: ['decision'], feeds: [],
	},
	{
		id: 'success-plan',
		title: { en: 'Agree the success plan and the first-year review dates', id: 'Sepakati rencana keberhasilan dan jadwal tinjauan tahun pertama' },
		ownerOf: 'discovery', workdays: 3, milestone: 'kickoff-ready', dependsOn: ['implementation-planning'], feeds: [],
	},
];

/** What a deal's wording fills into `{project}` and `{system}`. */
export interface ProjectWords {
	name: string;
	system: string;
}

/**
 * The template with {@link BENCH_STEPS} merged in, in an order where every step comes after its
 * prerequisites and steps stay grouped by milestone; `lengthen` varies each step's weekdays so
 * deals move at their own pace.
 */
export function extendTemplate(template: PlanTemplate, project: ProjectWords, lengthen: (step: TemplateStep) => number): PlanTemplate {
	const byId = new Map(template.steps.map((step) => [step.id, step]));
	const fill = (text: string) => text.replace('{project}', project.name).replace('{system}', project.system);
	const added: TemplateStep[] = BENCH_STEPS.map((step) => {
		const model = byId.get(step.ownerOf);
		if (!model) throw new Error(`Bench step "${step.id}" takes its owner from template step "${step.ownerOf}", which the ${template.name} template does not have.`);
		return { id: step.id, title: fill(step.title[template.locale]), side: model.side, owner: model.owner, workdays: step.workdays, milestone: step.milestone, dependsOn: step.dependsOn };
	});
	const feeders = (id: string) => BENCH_STEPS.filter((step) => step.feeds.includes(id)).map((step) => step.id);
	const merged = [...template.steps.map((step) => ({ ...step, dependsOn: [...step.dependsOn, ...feeders(step.id)] })), ...added];
	const milestoneOrder = template.milestones.map((milestone) => milestone.id);
	const steps = orderByPrerequisites(merged, (step) => (step.milestone ? milestoneOrder.indexOf(step.milestone) : milestoneOrder.length));
	return { ...template, steps: steps.map((step) => ({ ...step, workdays: Math.max(1, lengthen(step)) })) };
}

/**
 * A stable topological order: of the steps whose prerequisites are all placed, the one with the
 * lowest group (then the earliest in the list) comes next. Throws on an unknown or circular
 * prerequisite, which would be a mistake in {@link BENCH_STEPS}.
 */
export function orderByPrerequisites(steps: readonly TemplateStep[], groupOf: (step: TemplateStep) => number): TemplateStep[] {
	const known = new Set(steps.map((step) => step.id));
	for (const step of steps) {
		const unknown = step.dependsOn.find((id) => !known.has(id));
		if (unknown) throw new Error(`Step "${step.id}" depends on "${unknown}", which is no step of the plan.`);
	}
	const placed = new Set<string>();
	const ordered: TemplateStep[] = [];
	const rank = (step: TemplateStep) => groupOf(step) * steps.length + steps.indexOf(step);
	while (ordered.length < steps.length) {
		const ready = steps.filter((step) => !placed.has(step.id) && step.dependsOn.every((id) => placed.has(id)));
		if (ready.length === 0) throw new Error('The steps depend on each other in a circle.');
		const next = ready.reduce((best, step) => (rank(step) < rank(best) ? step : best));
		placed.add(next.id);
		ordered.push(next);
	}
	return ordered;
}
