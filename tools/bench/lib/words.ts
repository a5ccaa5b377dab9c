/**
 * What the benchmark writes into a deal beyond the product's template, per template language:
 * the text a rep would put in place of the placeholders, and the running record of a deal
 * under way (slip reasons, check-ins, notes). Shared lists of names and risks live in names.ts.
 */
import type { TemplateLocale } from '../../../src/lib/plan-templates.ts';
import type { ProjectWords } from './bench-steps.ts';

/** The wording of one language. */
export interface BenchWords {
	buyerObjective: (project: ProjectWords) => string;
	sellerObjective: (buyer: string) => string;
	milestoneDescription: (project: ProjectWords, step: number, steps: number) => string;
	slipReasons: readonly string[];
	blockedNote: (champion: string, ticket: number) => string;
	checkinKinds: readonly string[];
	checkinStates: readonly string[];
	/** The sentence a revision adds to the newest check-in, so an edit changes one line. */
	revision: (revision: number) => string;
	/** What replaces the template body's placeholder. */
	opening: (buyer: string, seller: string, project: ProjectWords) => string;
	/** The sections after the opening, with the Mermaid path through the milestones. */
	rest: (project: ProjectWords, milestoneTitles: readonly string[]) => string;
}

// Mermaid node labels keep to plain characters so no title can break the diagram's syntax.
function makeFlowchart(milestoneTitles: readonly string[]): string {
	const nodes = milestoneTitles.map((title, index) => `  M${index}[${title.replace(/[^A-Za-z0-9 ,.'-]/g, ' ')}]`);
	const edges = milestoneTitles.slice(1).map((_, index) => `  M${index} --> M${index + 1}`);
	return ['```mermaid', 'flowchart LR', ...nodes, ...edges, '```'].join('\n');
}

/** The bench's wording in each template language. */
export const BENCH_WORDS: Record<TemplateLocale, BenchWords> = {
	en: {
		buyerObjective: (project) => `Retire the ${project.system} before its support contract ends, with the ${project.name} live for the first region within a quarter.`,
		sellerObjective: (buyer) => `Sign a three-year agreement and make ${buyer} a reference customer.`,
		milestoneDescription: (project, step, steps) => `The ${project.name} reaches step ${step} of ${steps} when every action below is done.`,
		slipReasons: [
			'The data extract was held up by the month-end close.',
			'Counsel was away at a conference.',
			'The team was pulled into the quarter-end audit.',
			'Sizing was revised after the pilot.',
		],
		blockedNote: (champion, ticket) => `Waiting on ${champion} for access; ticket IT-${ticket}.`,
		checkinKinds: ['Weekly review', 'Steering update', 'Working session'],
		checkinStates: ['the pilot is on track', 'security questions are open', 'contract drafts are with legal', 'the business case is taking shape'],
		revision: (revision) => `Revision ${revision} of the notes.`,
		opening: (buyer, seller, project) =>
			`${buyer} and ${seller} have been working together to replace the ${project.system}. The pilot of the\n${project.name} ran against the agreed success criteria, and the architecture board reviewed the target design.`,
		rest: (project, milestoneTitles) => `
## Why now

The support contract of the ${project.system} ends next year, and the budget window closes at the
end of the quarter. Deciding on time leaves room to roll out the first region before peak season.

## The path to a decision

${makeFlowchart(milestoneTitles)}

Security, legal and procurement run in parallel where they can, but legal review waits for the
security review, and the purchase order waits for legal.

## Notes for executives

- **Security review** is on the critical path.
- **Legal redlines** decide whether the contract is ready in time.
- **The budget window** is the hard constraint on the decision date.
`,
	},
	id: {
		buyerObjective: (project) => `Menghentikan ${project.system} sebelum kontrak dukungannya berakhir, dengan ${project.name} berjalan di wilayah pertama dalam satu kuartal.`,
		sellerObjective: (buyer) => `Menandatangani perjanjian tiga tahun dan menjadikan ${buyer} pelanggan referensi.`,
		milestoneDescription: (project, step, steps) => `Proyek ${project.name} mencapai tahap ${step} dari ${steps} setelah semua tindakan di bawah selesai.`,
		slipReasons: [
			'Ekstrak data tertunda oleh tutup buku akhir bulan.',
			'Penasihat hukum sedang menghadiri konferensi.',
			'Tim ditarik ke audit akhir kuartal.',
			'Perkiraan kapasitas direvisi setelah uji coba.',
		],
		blockedNote: (champion, ticket) => `Menunggu akses dari ${champion}; tiket IT-${ticket}.`,
		checkinKinds: ['Tinjauan mingguan', 'Laporan ke komite pengarah', 'Sesi kerja'],
		checkinStates: ['uji coba berjalan sesuai rencana', 'pertanyaan keamanan masih terbuka', 'draf kontrak sedang ditinjau bagian hukum', 'kajian bisnis mulai terbentuk'],
		revision: (revision) => `Catatan revisi ${revision}.`,
		opening: (buyer, seller, project) =>
			`${buyer} dan ${seller} bekerja sama untuk menggantikan ${project.system}. Uji coba ${project.name}\ndijalankan berdasarkan kriteria keberhasilan yang disepakati, dan dewan arsitektur telah meninjau rancangannya.`,
		rest: (project, milestoneTitles) => `
## Mengapa sekarang

Kontrak dukungan ${project.system} berakhir tahun depan, dan jendela anggaran ditutup pada akhir
kuartal. Keputusan tepat waktu memberi ruang untuk memulai wilayah pertama sebelum musim sibuk.

## Jalan menuju keputusan

${makeFlowchart(milestoneTitles)}

Keamanan, hukum, dan pengadaan berjalan paralel bila memungkinkan, tetapi peninjauan kontrak
menunggu tinjauan keamanan, dan pesanan pembelian menunggu bagian hukum.

## Catatan untuk eksekutif

- **Tinjauan keamanan** berada di jalur kritis.
- **Catatan revisi kontrak** menentukan apakah kontrak siap tepat waktu.
- **Jendela anggaran** adalah batas keras tanggal keputusan.
`,
	},
};
