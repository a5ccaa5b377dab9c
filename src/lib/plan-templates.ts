/**
 * The starting plans `npm run new` writes: people, steps and wording per template and locale.
 * Plain data, so other generators (the benchmark's synthetic plans) can reuse the same steps.
 * Text the rep still has to write is a placeholder (`[[…]]`, see placeholders.ts).
 */
import type { Side } from '../schema/plan.ts';
import { markPlaceholder } from './placeholders.ts';

/** Which starting plan: the full evaluation, or one page of key next steps. */
export type TemplateName = 'full' | 'light';

/** Every template, the default first. */
export const TEMPLATE_NAMES: readonly TemplateName[] = ['full', 'light'];

/** Languages a template is written in; the same codes as the plan's `locale`. */
export type TemplateLocale = 'en' | 'id';

/** Every template locale, the default first. */
export const TEMPLATE_LOCALES: readonly TemplateLocale[] = ['en', 'id'];

/** A stand-in person: the id is a person's id, the name a placeholder, the role real. */
export interface TemplatePerson {
	/** A person id such as `dana-whitfield`, for the rep to rename to the real person. */
	id: string;
	/** The stand-in's name, written into the plan as a placeholder. */
	name: string;
	role: string;
	side: Side;
}

/** One step of the template; its dates are computed from its prerequisites and length. */
export interface TemplateStep {
	id: string;
	title: string;
	side: Side;
	/** A {@link TemplatePerson} id. */
	owner: string;
	/** Weekdays of work from the step's start to its due date. */
	workdays: number;
	milestone?: string;
	dependsOn: string[];
}

/** A milestone; its date is the latest due date of its steps. */
export interface TemplateMilestone {
	id: string;
	title: string;
}

/** Everything one template says, in one language. */
export interface PlanTemplate {
	name: TemplateName;
	locale: TemplateLocale;
	/** The plan title from the two company names. */
	title: (buyer: string, seller: string) => string;
	/** The shared objective, a real sentence the rep may keep. */
	sharedObjective: (buyer: string, seller: string, decisionDate: string) => string;
	/** What the buyer wants, as a placeholder; absent in the light template. */
	buyerObjective?: (buyer: string) => string;
	successCriteria: string[];
	people: TemplatePerson[];
	milestones: TemplateMilestone[];
	/** Steps in an order where every step comes after its prerequisites. */
	steps: TemplateStep[];
	/** The step whose due date is the plan's decision date. */
	decisionStep: string;
	/** The comment on top of the frontmatter, one line per entry. */
	header: (today: string) => string[];
	/** The Markdown below the frontmatter. */
	body: string;
}

// Typical mid-market evaluation: security and legal run beside the technical work, and the
// decision step leaves a few days for signatures after procurement.
const FULL_STEPS = (t: Record<string, string>): TemplateStep[] => [
	{ id: 'discovery', title: t.discovery, side: 'seller', owner: 'p-ae', workdays: 2, milestone: 'evaluation-agreed', dependsOn: [] },
	{ id: 'demo', title: t.demo, side: 'seller', owner: 'p-se', workdays: 3, milestone: 'evaluation-agreed', dependsOn: ['discovery'] },
	{ id: 'technical-validation', title: t.technicalValidation, side: 'buyer', owner: 'p-tech', workdays: 10, milestone: 'solution-validated', dependsOn: ['demo'] },
	{ id: 'security-review', title: t.securityReview, side: 'buyer', owner: 'p-security', workdays: 10, milestone: 'solution-validated', dependsOn: ['demo'] },
	{ id: 'references', title: t.references, side: 'seller', owner: 'p-ae', workdays: 5, milestone: 'solution-validated', dependsOn: ['demo'] },
	{ id: 'business-case', title: t.businessCase, side: 'buyer', owner: 'p-champion', workdays: 5, milestone: 'solution-validated', dependsOn: ['technical-validation', 'references'] },
	{ id: 'legal-review', title: t.legalReview, side: 'buyer', owner: 'p-legal', workdays: 8, milestone: 'contract-agreed', dependsOn: ['security-review', 'business-case'] },
	{ id: 'procurement', title: t.procurement, side: 'buyer', owner: 'p-procurement', workdays: 5, milestone: 'contract-agreed', dependsOn: ['legal-review'] },
	{ id: 'decision', title: t.decision, side: 'buyer', owner: 'p-sponsor', workdays: 3, milestone: 'decision', dependsOn: ['procurement'] },
	{ id: 'implementation-planning', title: t.implementationPlanning, side: 'seller', owner: 'p-se', workdays: 5, milestone: 'kickoff-ready', dependsOn: ['decision'] },
];

// The one-page plan: a short call, a trial beside the proposal, one review, the decision.
// Two milestones only, so the buyer's plan page groups the steps instead of listing "other actions".
const LIGHT_STEPS = (t: Record<string, string>): TemplateStep[] => [
	{ id: 'intro-call', title: t.introCall, side: 'seller', owner: 'p-ae', workdays: 2, milestone: 'trial-reviewed', dependsOn: [] },
	{ id: 'trial', title: t.trial, side: 'buyer', owner: 'p-champion', workdays: 10, milestone: 'trial-reviewed', dependsOn: ['intro-call'] },
	{ id: 'proposal', title: t.proposal, side: 'seller', owner: 'p-ae', workdays: 3, milestone: 'decision', dependsOn: ['intro-call'] },
	{ id: 'trial-review', title: t.trialReview, side: 'buyer', owner: 'p-champion', workdays: 2, milestone: 'trial-reviewed', dependsOn: ['trial', 'proposal'] },
	{ id: 'decision', title: t.decision, side: 'buyer', owner: 'p-sponsor', workdays: 3, milestone: 'decision', dependsOn: ['trial-review'] },
];

const FULL_MILESTONE_IDS = ['evaluation-agreed', 'solution-validated', 'contract-agreed', 'decision', 'kickoff-ready'] as const;

/** Replaces the template's role keys (`p-ae`) with the locale's person ids. */
function assignPeople(steps: TemplateStep[], people: Record<string, TemplatePerson>): { steps: TemplateStep[]; people: TemplatePerson[] } {
	const used = new Set(steps.map((step) => step.owner));
	return {
		steps: steps.map((step) => ({ ...step, owner: people[step.owner].id })),
		people: Object.entries(people)
			.filter(([key]) => used.has(key))
			.map(([, person]) => person),
	};
}

const EN_PEOPLE: Record<string, TemplatePerson> = {
	'p-champion': { id: 'dana-whitfield', name: 'Dana Whitfield', role: 'Champion, runs the evaluation', side: 'buyer' },
	'p-sponsor': { id: 'morgan-ellis', name: 'Morgan Ellis', role: 'Executive sponsor, signs the decision', side: 'buyer' },
	'p-tech': { id: 'sam-okafor', name: 'Sam Okafor', role: 'Technical lead, owns the validation', side: 'buyer' },
	'p-security': { id: 'lena-brandt', name: 'Lena Brandt', role: 'Security lead, signs off security', side: 'buyer' },
	'p-legal': { id: 'omar-haddad', name: 'Omar Haddad', role: 'Legal counsel', side: 'buyer' },
	'p-procurement': { id: 'grace-liu', name: 'Grace Liu', role: 'Procurement', side: 'buyer' },
	'p-ae': { id: 'alex-moreno', name: 'Alex Moreno', role: 'Account executive', side: 'seller' },
	'p-se': { id: 'jamie-chen', name: 'Jamie Chen', role: 'Solutions engineer', side: 'seller' },
};

const ID_PEOPLE: Record<string, TemplatePerson> = {
	'p-champion': { id: 'sari-wulandari', name: 'Sari Wulandari', role: 'Champion, memimpin evaluasi', side: 'buyer' },
	'p-sponsor': { id: 'budi-santoso', name: 'Budi Santoso', role: 'Sponsor eksekutif, menandatangani keputusan', side: 'buyer' },
	'p-tech': { id: 'rina-kusumawati', name: 'Rina Kusumawati', role: 'Pimpinan teknis, bertanggung jawab atas validasi', side: 'buyer' },
	'p-security': { id: 'agus-pratama', name: 'Agus Pratama', role: 'Kepala keamanan informasi, menyetujui aspek keamanan', side: 'buyer' },
	'p-legal': { id: 'dewi-lestari', name: 'Dewi Lestari', role: 'Penasihat hukum', side: 'buyer' },
	'p-procurement': { id: 'hendra-wijaya', name: 'Hendra Wijaya', role: 'Bagian pengadaan', side: 'buyer' },
	'p-ae': { id: 'putri-maharani', name: 'Putri Maharani', role: 'Account executive', side: 'seller' },
	'p-se': { id: 'yoga-prasetyo', name: 'Yoga Prasetyo', role: 'Solutions engineer', side: 'seller' },
};

const EN_HEADER = (today: string) => [
	`Created by \`npm run new\` on ${today}. Text between [[ and ]] is a placeholder: write the real content in its place.`,
	'The people are stand-ins: give each the real name, and rename the id (dana-whitfield) to match wherever it appears.',
	'Then run `npm run check`; `npm run build` refuses to publish while any placeholder is left.',
];

const ID_HEADER = (today: string) => [
	`Dibuat oleh \`npm run new\` pada ${today}. Teks di antara [[ dan ]] adalah isian: ganti dengan isi yang sebenarnya.`,
	'Orang-orang di bawah hanya contoh: tulis nama aslinya, lalu ganti id-nya (sari-wulandari) di semua tempat id itu dipakai.',
	'Lalu jalankan `npm run check`; `npm run build` menolak menerbitkan rencana yang masih berisi isian.',
];

const EN_FULL_TEXT = {
	discovery: 'Discovery call: goals, current setup and success criteria',
	demo: 'Tailored demo for the evaluation team',
	technicalValidation: 'Technical validation against the success criteria',
	securityReview: 'Security review and questionnaire',
	references: 'Reference calls with two similar customers',
	businessCase: 'Business case and budget approval',
	legalReview: 'Contract and data processing agreement review',
	procurement: 'Procurement: vendor onboarding and purchase order',
	decision: 'Final decision and signature',
	implementationPlanning: 'Implementation plan and kickoff date',
};

const ID_FULL_TEXT = {
	discovery: 'Rapat penjajakan: tujuan, kondisi saat ini, dan kriteria keberhasilan',
	demo: 'Demo yang disesuaikan untuk tim evaluasi',
	technicalValidation: 'Validasi teknis berdasarkan kriteria keberhasilan',
	securityReview: 'Tinjauan keamanan dan pengisian kuesioner',
	references: 'Panggilan referensi dengan dua pelanggan serupa',
	businessCase: 'Kajian bisnis dan persetujuan anggaran',
	legalReview: 'Peninjauan kontrak dan perjanjian pemrosesan data',
	procurement: 'Pengadaan: pendaftaran vendor dan pesanan pembelian',
	decision: 'Keputusan akhir dan penandatanganan',
	implementationPlanning: 'Rencana implementasi dan tanggal mulai',
};

const EN_LIGHT_TEXT = {
	introCall: 'Short call to agree the goal and what a good result looks like',
	trial: 'Try it with real data',
	proposal: 'Send the proposal and the price',
	trialReview: 'Review the trial results together',
	decision: 'Decide and sign the order form',
};

const ID_LIGHT_TEXT = {
	introCall: 'Rapat singkat untuk menyepakati tujuan dan hasil yang diharapkan',
	trial: 'Uji coba dengan data sungguhan',
	proposal: 'Kirim proposal dan penawaran harga',
	trialReview: 'Bahas hasil uji coba bersama',
	decision: 'Putuskan dan tanda tangani formulir pesanan',
};

const EN_MILESTONES = ['Evaluation scope agreed', 'Solution validated', 'Contract agreed', 'Decision made', 'Ready to kick off'];
const ID_MILESTONES = ['Ruang lingkup evaluasi disepakati', 'Solusi tervalidasi', 'Kontrak disepakati', 'Keputusan diambil', 'Siap memulai implementasi'];

const LIGHT_MILESTONE_IDS = ['trial-reviewed', 'decision'] as const;

function buildMilestones(ids: readonly string[], titles: string[]): TemplateMilestone[] {
	return ids.map((id, index) => ({ id, title: titles[index] }));
}

const TEMPLATES: Record<TemplateName, Record<TemplateLocale, PlanTemplate>> = {
	full: {
		en: {
			name: 'full',
			locale: 'en',
			title: (buyer, seller) => `${buyer} x ${seller}: evaluation plan`,
			sharedObjective: (buyer, seller, date) => `Decide together whether ${seller} is the right fit for ${buyer}, by ${date}.`,
			buyerObjective: (buyer) => markPlaceholder(`What ${buyer} wants out of this, in their own words`),
			successCriteria: [
				markPlaceholder('The first success criterion both sides agreed on'),
				markPlaceholder('A second criterion, ideally with a number and a date'),
			],
			...assignPeople(FULL_STEPS(EN_FULL_TEXT), EN_PEOPLE),
			milestones: buildMilestones(FULL_MILESTONE_IDS, EN_MILESTONES),
			decisionStep: 'decision',
			header: EN_HEADER,
			body: `## Why we are working together

${markPlaceholder("A few sentences in the buyer's own words: the problem, why now, and what a good outcome looks like.")}
`,
		},
		id: {
			name: 'full',
			locale: 'id',
			title: (buyer, seller) => `${buyer} x ${seller}: rencana evaluasi`,
			sharedObjective: (buyer, seller, date) => `Bersama-sama memutuskan apakah ${seller} cocok untuk ${buyer}, paling lambat ${date}.`,
			buyerObjective: (buyer) => markPlaceholder(`Apa yang ingin dicapai ${buyer}, dengan kata-kata mereka sendiri`),
			successCriteria: [
				markPlaceholder('Kriteria keberhasilan pertama yang disepakati kedua pihak'),
				markPlaceholder('Kriteria kedua, sebaiknya dengan angka dan tenggat'),
			],
			...assignPeople(FULL_STEPS(ID_FULL_TEXT), ID_PEOPLE),
			milestones: buildMilestones(FULL_MILESTONE_IDS, ID_MILESTONES),
			decisionStep: 'decision',
			header: ID_HEADER,
			body: `## Mengapa kita bekerja sama

${markPlaceholder('Beberapa kalimat dengan bahasa pembeli sendiri: masalahnya, mengapa sekarang, dan seperti apa hasil yang baik.')}
`,
		},
	},
	light: {
		en: {
			name: 'light',
			locale: 'en',
			title: (buyer, seller) => `${buyer} x ${seller}: next steps`,
			sharedObjective: (buyer, seller, date) => `Decide together whether ${seller} is the right fit for ${buyer}, by ${date}.`,
			successCriteria: [],
			...assignPeople(LIGHT_STEPS(EN_LIGHT_TEXT), EN_PEOPLE),
			milestones: buildMilestones(LIGHT_MILESTONE_IDS, ['Trial reviewed', 'Decision made']),
			decisionStep: 'decision',
			header: EN_HEADER,
			body: `## What we want to find out

${markPlaceholder('One or two sentences: what the buyer wants to find out, and by when.')}
`,
		},
		id: {
			name: 'light',
			locale: 'id',
			title: (buyer, seller) => `${buyer} x ${seller}: langkah berikutnya`,
			sharedObjective: (buyer, seller, date) => `Bersama-sama memutuskan apakah ${seller} cocok untuk ${buyer}, paling lambat ${date}.`,
			successCriteria: [],
			...assignPeople(LIGHT_STEPS(ID_LIGHT_TEXT), ID_PEOPLE),
			milestones: buildMilestones(LIGHT_MILESTONE_IDS, ['Uji coba ditinjau', 'Keputusan diambil']),
			decisionStep: 'decision',
			header: ID_HEADER,
			body: `## Yang ingin kita pastikan

${markPlaceholder('Satu atau dua kalimat: apa yang ingin dipastikan pembeli, dan kapan.')}
`,
		},
	},
};

/** The template `name` written in `locale`. */
export function getPlanTemplate(name: TemplateName, locale: TemplateLocale): PlanTemplate {
	return TEMPLATES[name][locale];
}
