/** Page words the shared catalogues in src/i18n do not have yet, per locale. */
import type { Locale } from '../i18n/index.ts';

const en = {
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
	milestoneReached: 'Milestone reached',
	openActions: 'Open actions',
	risksOwned: 'Risks owned',
	noOpenActions: 'No open actions.',
	noPeople: 'Nobody listed.',
	timelineIntro: 'Each bar runs from an action’s start to its due date; diamonds mark milestones.',
	buyerGoal: 'Buyer goal',
	sellerGoal: 'Seller goal',
	sections: 'Sections',
	preparedBy: 'Prepared by',
};

/** Extra page words; same keys in every language. */
export type PageLabels = typeof en;

const id: PageLabels = {
	siteTitle: 'Rencana aksi bersama',
	overall: 'Keseluruhan',
	needsAttention: 'Terlambat atau berisiko',
	nothingNeedsAttention: 'Tidak ada yang terlambat atau berisiko.',
	cause: 'Yang menggeser keputusan',
	otherActions: 'Aksi lainnya',
	today: 'Hari ini',
	decision: 'Keputusan',
	severity: 'Tingkat keparahan',
	topRisks: 'Risiko utama',
	criticalPath: 'Jalur kritis menuju keputusan',
	changesSinceStart: 'Yang berubah sejak rencana dimulai',
	completed: 'Selesai',
	dateChanges: 'Perubahan tanggal',
	milestoneReached: 'Tonggak tercapai',
	openActions: 'Aksi terbuka',
	risksOwned: 'Risiko yang dipegang',
	noOpenActions: 'Tidak ada aksi terbuka.',
	noPeople: 'Belum ada orang.',
	timelineIntro: 'Setiap batang berjalan dari mulai aksi hingga tenggatnya; belah ketupat menandai tonggak.',
	buyerGoal: 'Tujuan pembeli',
	sellerGoal: 'Tujuan penjual',
	sections: 'Bagian',
	preparedBy: 'Disiapkan oleh',
};

const LABELS: Record<Locale, PageLabels> = { en, id };

/** The extra page words for `locale`. */
export function getPageLabels(locale: Locale): PageLabels {
	return LABELS[locale];
}
