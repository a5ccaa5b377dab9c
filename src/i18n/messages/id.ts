/** Indonesian (Bahasa Indonesia) labels of the buyer microsite; the `Messages` type forces every English key. */
import { formatNumber, formatPercent } from '../format.ts';
import type { Messages } from './en.ts';

const n = (value: number): string => formatNumber(value, 'id');
// Indonesian nouns do not inflect for number ("1 hari", "2 hari"), so no plural choice is needed.
const days = (count: number): string => `${n(count)} hari`;
const actionStatus = {
	todo: 'Belum dimulai',
	'in-progress': 'Sedang dikerjakan',
	done: 'Selesai',
	blocked: 'Terblokir',
};

/** The Indonesian catalogue. Dates arrive already formatted. */
export const id: Messages = {
	languageName: 'Bahasa Indonesia',
	nav: {
		label: 'Bagian rencana',
		skipToContent: 'Langsung ke konten',
		overview: 'Ikhtisar',
		plan: 'Rencana',
		timeline: 'Linimasa',
		dependencies: 'Ketergantungan',
		people: 'Pihak terkait',
		risks: 'Risiko',
		checkins: 'Pertemuan rutin',
		executiveSummary: 'Ringkasan eksekutif',
		calendar: 'Kalender',
	},
	itemStatus: {
		done: 'Selesai',
		late: 'Terlambat',
		blocked: 'Terblokir',
		'at-risk': 'Berisiko',
		'due-soon': 'Segera jatuh tempo',
		'on-track': 'Sesuai jadwal',
	},
	actionStatus,
	side: {
		buyer: 'Pembeli',
		seller: 'Penjual',
	},
	level: {
		low: 'Rendah',
		medium: 'Sedang',
		high: 'Tinggi',
	},
	health: {
		label: 'Kondisi kesepakatan',
		level: {
			green: 'Sehat',
			yellow: 'Perlu perhatian',
			red: 'Bermasalah',
		},
		score: (p) => `Skor ${n(p.score)} dari 100`,
	},
	gate: {
		title: 'Rencana ini bersifat privat',
		intro: 'Masukkan kata sandi yang Anda terima untuk membukanya.',
		passwordLabel: 'Kata sandi',
		unlock: 'Buka',
		unlocking: 'Membuka…',
		rememberDevice: 'Ingat perangkat ini',
		wrongPassword: 'Kata sandi salah. Periksa kembali, lalu coba lagi.',
		lock: 'Kunci',
		copyShareLink: 'Salin tautan berbagi',
		shareLinkCopied: 'Tautan disalin',
		javascriptRequired: 'Rencana ini terenkripsi. Aktifkan JavaScript di browser Anda untuk membukanya.',
		insecureContext: 'Halaman ini hanya bisa dibuka melalui koneksi aman. Buka tautan yang diawali https://.',
		previewBanner: 'Pratinjau, tanpa kata sandi',
	},
	search: {
		label: 'Cari di rencana ini',
		placeholder: 'Cari tugas, orang, dan risiko',
		noResults: (p) => `Tidak ada hasil untuk “${p.query}”.`,
		resultCount: (p) => `${n(p.count)} hasil`,
	},
	feedback: {
		markDone: 'Tandai selesai',
		proposeNewDate: 'Usulkan tanggal baru',
		comment: 'Beri komentar',
		suggestAction: 'Usulkan tugas',
		flagRisk: 'Laporkan risiko',
		whatHappensNext: 'Apa yang terjadi selanjutnya',
		whatHappensNextBody:
			'Catatan Anda dikirim ke tim yang mengelola rencana ini. Setelah mereka menyetujuinya, rencana di sini diperbarui dan semua orang bisa melihat perubahannya.',
	},
	progress: {
		label: 'Kemajuan',
		summary: (p) => `${n(p.done)} dari ${n(p.total)} selesai, ${formatPercent(p.percent, 'id')}`,
	},
	dates: {
		due: (p) => `tenggat ${p.date}`,
		completedOn: (p) => `selesai ${p.date}`,
		dateChange: (p) => `tenggat ${p.from} → ${p.to}, diubah ${p.on}: ${p.reason}`,
		dateChangeBy: (p) => `tenggat ${p.from} → ${p.to}, diubah ${p.on} oleh ${p.by}: ${p.reason}`,
		daysLate: (p) => `terlambat ${days(p.count)}`,
		decisionDate: 'Tanggal keputusan',
		projectedDecisionLate: (p) =>
			`Keputusan diperkirakan ${p.projected}, ${days(p.days)} lebih lambat dari rencana ${p.planned}`,
		projectedDecisionOnTime: (p) => `Keputusan diperkirakan sesuai rencana, ${p.planned}`,
	},
	overview: {
		objective: 'Tujuan bersama',
		successCriteria: 'Kriteria keberhasilan',
		nextSteps: 'Langkah selanjutnya',
		noNextSteps: 'Tidak ada lagi yang perlu dikerjakan: semua tugas sudah selesai.',
		latestCheckin: 'Pertemuan terakhir',
		noCheckins: 'Belum ada pertemuan.',
		changesSinceCheckin: (p) => `Yang berubah sejak pertemuan ${p.date}`,
		noChangesSinceCheckin: 'Belum ada perubahan sejak saat itu.',
		print: 'Cetak',
	},
	action: {
		owner: 'Penanggung jawab',
		due: 'Tenggat',
		start: 'Mulai',
		milestone: 'Tonggak',
		dependsOn: 'Menunggu',
		notes: 'Catatan',
		comments: 'Komentar',
		dateHistory: 'Perubahan tanggal',
	},
	people: {
		email: 'Email',
		phone: 'Telepon',
		availability: 'Ketersediaan',
		ownsActions: (p) => `Bertanggung jawab atas ${n(p.count)} tugas`,
	},
	risks: {
		probability: 'Kemungkinan',
		impact: 'Dampak',
		mitigation: 'Mitigasi',
		owner: 'Penanggung jawab',
		noMitigation: 'Belum ada mitigasi',
		none: 'Belum ada risiko yang dicatat.',
	},
	checkins: {
		attendees: 'Peserta',
		decisions: 'Keputusan',
		none: 'Belum ada pertemuan.',
	},
	calendar: {
		whatIOwe: 'Tugas saya',
		whatIOweIntro: 'Berlangganan kalender berisi tugas-tugas Anda; isinya ikut diperbarui setiap kali rencana berubah.',
		wholePlan: 'Seluruh rencana',
		subscribe: 'Berlangganan',
		download: 'Unduh .ics',
	},
	milestone: {
		completedTitle: (p) => `Tonggak tercapai: ${p.title}`,
		completedBody: 'Kerja bagus, semuanya! Lanjut ke tahap berikutnya.',
	},
	calendarFeed: {
		planCalendarName: (planTitle) => planTitle,
		personCalendarName: (personName, planTitle) => `${personName}: tugas saya · ${planTitle}`,
		milestoneSummary: (title) => `Tonggak: ${title}`,
		openActionSummary: ({ title, side, ownerName }) => `Tenggat ${title} (${side}: ${ownerName})`,
		doneActionSummary: ({ title, side, ownerName }) => `Selesai: ${title} (${side}: ${ownerName})`,
		sides: { buyer: 'pembeli', seller: 'penjual' },
		statuses: actionStatus,
		fields: { status: 'Status', owner: 'Penanggung jawab', milestone: 'Tonggak', notes: 'Catatan', plan: 'Rencana' },
	},
};
