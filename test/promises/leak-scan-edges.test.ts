/**
 * The leak scan's edges, pinned so that mutation testing (docs/mutation.md) notices a plan field
 * dropped from the scan, a wrong field label in the leak message, a moved length bound or a PNG
 * text chunk no longer read. Each test builds its plans and files inside the test itself: work done
 * at `describe` level runs before Stryker switches a mutant on and is credited to no test.
 */
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectGatedSentinels, collectSentinels, findLeaks, formatLeak, isDistinctivePhrase, isSiteCode, type PlanToScan } from '../../src/lib/leak-scan.ts';
import { createVocabulary } from '../../src/lib/leak-vocabulary.ts';
import type { Plan } from '../../src/schema/plan.ts';
import { makePlan, type PlanOverrides } from '../helpers/make-plan.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** The leak messages a rep would read for published text files, scanning the given gated plans. */
async function scan(plans: PlanToScan[], files: { path: string; text: string }[]): Promise<string[]> {
	const leaks = await findLeaks(
		files.map(({ path, text }) => ({ path, bytes: encode(text) })),
		collectGatedSentinels(plans),
		[],
	);
	return leaks.map(formatLeak);
}

const deal = (plan: Plan, body = ''): PlanToScan => ({ slug: 'harbor', plan, body });

/** A gated plan with a distinct phrase in every field the scan reads. */
function makeFullPlan(overrides: PlanOverrides = {}): Plan {
	return makePlan({
		title: 'Harbor Freight rollout plan',
		buyer: { name: 'Harbor Freight Logistics' },
		seller: { name: 'Tidewell Data' },
		objective: { shared: 'Cut freight reporting from days to minutes', buyer: 'Retire the nightly spreadsheet export', seller: 'Land the first EMEA logistics account' },
		successCriteria: ['Dispatch dashboard live in Rotterdam', 'Weekly tonnage report needs no manual edits'],
		stakeholders: [
			{ id: 'ana', name: 'Anneliese Okafor', role: 'Head of freight operations', side: 'buyer', email: 'a.okafor@harbor.example', phone: '+31 10 555 0199', availability: 'Tuesday mornings only, out in August' },
			{ id: 'sam', name: 'Samir Lindqvist', role: 'Account executive', side: 'seller' },
		],
		milestones: [{ id: 'pilot', title: 'Rotterdam depot pilot signed', due: '2026-05-01', description: 'Depot managers accept the pilot scope' }],
		actions: [
			{ id: 'first', title: 'Kickoff' },
			{
				id: 'export',
				title: 'Map the tonnage export columns',
				notes: 'Bring the Q3 tonnage export sample',
				dateChanges: [{ on: '2026-04-01', from: '2026-04-10', to: '2026-04-20', reason: 'Customs audit took the data team away' }],
			},
		],
		risks: [{ id: 'audit', title: 'Customs audit freezes IT changes', probability: 'low', impact: 'high', mitigation: 'Book the change window before the audit' }],
		checkins: [{ date: '2026-03-03', summary: 'Agreed the Rotterdam pilot scope', decisions: ['Pilot runs on the legacy scanners'] }],
		...overrides,
	});
}

describe('a phrase of a gated plan in a published file', () => {
	it.each([
		['title', 'Harbor Freight rollout plan'],
		['buyer.name', 'Harbor Freight Logistics'],
		['objective.shared', 'Cut freight reporting from days to minutes'],
		['objective.buyer', 'Retire the nightly spreadsheet export'],
		['objective.seller', 'Land the first EMEA logistics account'],
		['successCriteria[0]', 'Dispatch dashboard live in Rotterdam'],
		['successCriteria[1]', 'Weekly tonnage report needs no manual edits'],
		['stakeholders[0].name (person "ana")', 'Anneliese Okafor'],
		['stakeholders[0].email (person "ana")', 'a.okafor@harbor.example'],
		['stakeholders[0].phone (person "ana")', '+31 10 555 0199'],
		['stakeholders[0].role (person "ana")', 'Head of freight operations'],
		['stakeholders[0].availability (person "ana")', 'Tuesday mornings only, out in August'],
		['stakeholders[1].name (person "sam")', 'Samir Lindqvist'],
		['milestones[0].title (milestone "pilot")', 'Rotterdam depot pilot signed'],
		['milestones[0].description (milestone "pilot")', 'Depot managers accept the pilot scope'],
		['actions[1].title (action "export")', 'Map the tonnage export columns'],
		['actions[1].notes (action "export")', 'Bring the Q3 tonnage export sample'],
		['actions[1].dateChanges[0].reason (action "export")', 'Customs audit took the data team away'],
		['risks[0].title (risk "audit")', 'Customs audit freezes IT changes'],
		['risks[0].mitigation (risk "audit")', 'Book the change window before the audit'],
		['checkins[0].summary (check-in of 2026-03-03)', 'Agreed the Rotterdam pilot scope'],
		['checkins[0].decisions[0] (check-in of 2026-03-03)', 'Pilot runs on the legacy scanners'],
	])('stops publishing when it comes from %s, and names that field', async (field, phrase) => {
		const leaks = await scan([deal(makeFullPlan())], [{ path: 'x7k2/index.html', text: `<p>${phrase}</p>` }]);
		expect(leaks).toEqual([`x7k2/index.html: contains "${phrase}" from plans/harbor.mdx, ${field}`]);
	});

	it('is looked for in the site’s own code only when it names someone: a person, an email, a phone, the buyer', async () => {
		const plan = makeFullPlan();
		const everyPhrase = collectSentinels('harbor', plan, '').map((sentinel) => sentinel.text);
		const leaks = await scan([deal(plan)], [{ path: '_astro/page.D1x.js', text: JSON.stringify(everyPhrase) }]);
		expect(leaks).toEqual([
			'_astro/page.D1x.js: contains "Harbor Freight Logistics" from plans/harbor.mdx, buyer.name',
			'_astro/page.D1x.js: contains "Anneliese Okafor" from plans/harbor.mdx, stakeholders[0].name (person "ana")',
			'_astro/page.D1x.js: contains "a.okafor@harbor.example" from plans/harbor.mdx, stakeholders[0].email (person "ana")',
			'_astro/page.D1x.js: contains "+31 10 555 0199" from plans/harbor.mdx, stakeholders[0].phone (person "ana")',
			'_astro/page.D1x.js: contains "Samir Lindqvist" from plans/harbor.mdx, stakeholders[1].name (person "sam")',
		]);
	});

	it('is a free text only with two words or more, in every free-text field, while a one-word name counts', async () => {
		const plan = makeFullPlan({
			title: 'Harborfreightplan',
			objective: { shared: 'Freightreporting', buyer: 'Spreadsheetexit', seller: 'Logisticsaccount' },
			successCriteria: ['Dispatchdashboard'],
			stakeholders: [{ id: 'ana', name: 'Anneliese', role: 'Operationshead', side: 'buyer', availability: 'Tuesdaymornings' }],
			milestones: [{ id: 'pilot', title: 'Depotpilotsigned', due: '2026-05-01', description: 'Depotmanagersaccept' }],
			actions: [
				{ id: 'export', title: 'Tonnageexport', notes: 'Exportsample', dateChanges: [{ on: '2026-04-01', from: '2026-04-10', to: '2026-04-20', reason: 'Customsaudit' }] },
			],
			risks: [{ id: 'audit', title: 'Auditfreeze', probability: 'low', impact: 'high', mitigation: 'Changewindow' }],
			checkins: [{ date: '2026-03-03', summary: 'Pilotscopeagreed', decisions: ['Legacyscanners'] }],
		});
		const body = '\nRindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz\n';
		expect(collectSentinels('harbor', plan, body).map(({ text, field }) => `${field}: ${text}`)).toEqual([
			'buyer.name: Harbor Freight Logistics',
			'stakeholders[0].name (person "ana"): Anneliese',
		]);
	});

	it('is left out for the buyer’s name when the plan shows it in link previews on purpose', () => {
		const named = makeFullPlan({ share: { preview: 'named' } });
		const texts = collectSentinels('harbor', named, '').map((sentinel) => sentinel.text);
		expect(texts).not.toContain('Harbor Freight Logistics');
		expect(texts).toContain('Anneliese Okafor');
	});

	it('is left out when it is the seller’s own name, as a stakeholder entry for the seller’s team may be', () => {
		const plan = makeFullPlan({
			stakeholders: [
				{ id: 'ana', name: 'Anneliese Okafor', role: 'Head of freight operations', side: 'buyer' },
				{ id: 'team', name: 'Tidewell Data', role: 'Delivery team', side: 'seller' },
			],
		});
		const texts = collectSentinels('harbor', plan, '').map((sentinel) => sentinel.text);
		expect(texts).toContain('Anneliese Okafor');
		expect(texts).not.toContain('Tidewell Data');
	});

	it('is reported once, with the first field it appears in', async () => {
		const plan = makeFullPlan({
			actions: [
				{ id: 'export', title: 'Map the tonnage export columns' },
				{ id: 'again', title: 'Map the tonnage export columns' },
			],
		});
		expect(await scan([deal(plan)], [{ path: 'a.html', text: 'Map the tonnage export columns' }])).toEqual([
			'a.html: contains "Map the tonnage export columns" from plans/harbor.mdx, actions[0].title (action "export")',
		]);
	});

	it('counts as someone’s name wherever it appears once it names someone, so the site’s code is checked for it', async () => {
		const titledAfterBuyer = makeFullPlan({ title: 'Harbor Freight Logistics' });
		expect(await scan([deal(titledAfterBuyer)], [{ path: '_astro/page.D1x.js', text: '"Harbor Freight Logistics"' }])).toEqual([
			'_astro/page.D1x.js: contains "Harbor Freight Logistics" from plans/harbor.mdx, title',
		]);
	});

	it('stays a free text when it only repeats another free text, so the site’s code is not checked for it', async () => {
		const plan = makeFullPlan({
			actions: [
				{ id: 'export', title: 'Map the tonnage export columns' },
				{ id: 'again', title: 'Map the tonnage export columns' },
			],
		});
		expect(await scan([deal(plan)], [{ path: '_astro/page.D1x.js', text: '"Map the tonnage export columns"' }])).toEqual([]);
	});

	it('keeps phrases apart that only upper-casing would merge (German ß)', async () => {
		const plan = makeFullPlan({ actions: [{ id: 'a', title: 'Maße der Ladefläche prüfen' }, { id: 'b', title: 'MASSE DER LADEFLÄCHE PRÜFEN' }] });
		const leaks = await scan([deal(plan)], [{ path: 'a.html', text: 'masse der ladefläche prüfen' }]);
		expect(leaks).toEqual(['a.html: contains "MASSE DER LADEFLÄCHE PRÜFEN" from plans/harbor.mdx, actions[1].title (action "b")']);
	});

	it('is found with its line breaks and runs of spaces made single spaces, as a search index holds it', async () => {
		const plan = makeFullPlan({ actions: [{ id: 'export', title: 'Map the tonnage\n   export columns' }] });
		expect(await scan([deal(plan)], [{ path: 'x7k2/search.json', text: '{"content":"Map the tonnage export columns"}' }])).toEqual([
			'x7k2/search.json: contains "Map the tonnage export columns" from plans/harbor.mdx, actions[0].title (action "export")',
		]);
	});

	it('is found in a page that keeps the line breaks and indentation of the plan’s text', async () => {
		const plan = makeFullPlan({ actions: [{ id: 'export', title: 'Map the tonnage\n   export columns' }] });
		expect(await scan([deal(plan)], [{ path: 'x7k2/index.html', text: '<li>\n  Map the tonnage\n   export columns\n</li>' }])).toEqual([
			'x7k2/index.html: contains "Map the tonnage export columns" from plans/harbor.mdx, actions[0].title (action "export")',
		]);
	});

	it.each([
		['Latency < 50 ms in every depot', 'Latency &lt; 50 ms in every depot'],
		['Uptime > 99.9% in every depot', 'Uptime &gt; 99.9% in every depot'],
		['The "Rotterdam" depot pilot slips', 'The &quot;Rotterdam&quot; depot pilot slips'],
		["The depot manager's sign-off is late", 'The depot manager&#x27;s sign-off is late'],
	])('is found HTML-escaped: %s', async (title, escaped) => {
		const plan = makeFullPlan({ risks: [{ id: 'sla', title, probability: 'low', impact: 'high' }] });
		expect(await scan([deal(plan)], [{ path: 'a.html', text: `<li>${escaped}</li>` }])).toEqual([`a.html: contains "${title}" from plans/harbor.mdx, risks[0].title (risk "sla")`]);
	});

	it('is found JSON-escaped inside a longer JSON string', async () => {
		const plan = makeFullPlan({ risks: [{ id: 'sla', title: 'The "Rotterdam" depot pilot slips', probability: 'low', impact: 'high' }] });
		const json = JSON.stringify({ content: 'Risks: The "Rotterdam" depot pilot slips, says the team' });
		expect(await scan([deal(plan)], [{ path: 'x7k2/search.json', text: json }])).toEqual([
			'x7k2/search.json: contains "The \"Rotterdam\" depot pilot slips" from plans/harbor.mdx, risks[0].title (risk "sla")',
		]);
	});

	it('is found when it is a name of exactly eight characters at the very end of a file', async () => {
		const plan = makeFullPlan({ stakeholders: [{ id: 'ana', name: 'Ana Kroe', role: 'Buyer', side: 'buyer' }] });
		expect(await scan([deal(plan)], [{ path: 'a.txt', text: 'Owner: Ana Kroe' }])).toEqual(['a.txt: contains "Ana Kroe" from plans/harbor.mdx, stakeholders[0].name (person "ana")']);
	});

	it('is reported once when both the file’s name and its content carry it', async () => {
		const plan = makeFullPlan();
		expect(await scan([deal(plan)], [{ path: 'files/anneliese-okafor.vcf', text: 'FN:Anneliese Okafor' }])).toEqual([
			'files/anneliese-okafor.vcf: its name spells "Anneliese Okafor" from plans/harbor.mdx, stakeholders[0].name (person "ana")',
		]);
	});
});

describe('the plan file a leak names', () => {
	it('is plans/<slug>.mdx by default, and the given file otherwise', async () => {
		const plan = makeFullPlan();
		const file = { path: 'a.html', text: 'Anneliese Okafor' };
		expect(await scan([deal(plan)], [file])).toEqual(['a.html: contains "Anneliese Okafor" from plans/harbor.mdx, stakeholders[0].name (person "ana")']);
		expect(await scan([{ ...deal(plan), file: 'plans/emea/harbor.mdx' }], [file])).toEqual([
			'a.html: contains "Anneliese Okafor" from plans/emea/harbor.mdx, stakeholders[0].name (person "ana")',
		]);
	});
});

describe('collectGatedSentinels', () => {
	it('leaves out the product’s own wording it is given', () => {
		const plan = makeFullPlan();
		const texts = collectGatedSentinels([deal(plan)], createVocabulary(['Map the tonnage export columns for every depot'])).map((sentinel) => sentinel.text);
		expect(texts).not.toContain('Map the tonnage export columns');
		expect(texts).toContain('Bring the Q3 tonnage export sample');
	});

	it('looks for nothing of a public plan, and for every phrase of a gated one', () => {
		const open = makeFullPlan({ access: 'public' });
		const gated = makePlan({ access: 'gated', title: 'Northwind rollout plan', buyer: { name: 'Northwind Freight' } });
		const texts = collectGatedSentinels([
			{ slug: 'harbor', plan: open, body: '' },
			{ slug: 'nw', plan: gated, body: '' },
		]).map((sentinel) => sentinel.text);
		expect(texts).toContain('Northwind rollout plan');
		expect(texts).toContain('Northwind Freight');
		expect(texts).not.toContain('Anneliese Okafor');
		expect(texts).not.toContain('Harbor Freight rollout plan');
	});
});

describe('the body of a gated plan', () => {
	const bodyPhrases = (body: string) =>
		collectSentinels('harbor', makeFullPlan(), body)
			.filter((sentinel) => sentinel.field.startsWith('body'))
			.map(({ text, field }) => `${field}: ${text}`);

	it('gives a phrase for a line of exactly 30 characters, and none for 29', () => {
		const thirty = 'Depot teams scan every pallet.';
		expect(thirty).toHaveLength(30);
		expect(bodyPhrases(`${thirty}\n${thirty.slice(1)}`)).toEqual(['body, line 1 below the frontmatter: Depot teams scan every pallet.']);
	});

	it('reads a quoted or indented line without its marks and indentation', () => {
		expect(bodyPhrases('\n>   The freight team loses two days a week to manual reports.')).toEqual([
			'body, line 2 below the frontmatter: The freight team loses two days a week t',
		]);
	});

	it('skips a line that is a component tag, however long', () => {
		expect(bodyPhrases('<Callout type="note">The depot team prefers calls on Tuesdays.</Callout>')).toEqual([]);
	});
});

describe('isDistinctivePhrase', () => {
	it.each([
		['Ana Kroe', 'identity', true],
		['Ana Kro', 'identity', false],
		['Ana Kroe', 'text', true],
		['--- --- ----', 'identity', false],
		['(+) ... ...', 'identity', false],
	] as const)('%j as %s: %s', (text, kind, expected) => {
		expect(isDistinctivePhrase(text, kind)).toBe(expected);
	});
});

describe('isSiteCode', () => {
	it.each([
		['_astro/inter-latin-400.woff', true],
		['_astro/inter-latin-400.woff2', true],
		['x7k2/_astro/page.D1x.js', false],
		['x7k2/_mapsite/gate.js', false],
		['_mapsite/gate-KYJ2ZDD7.js.map', false],
		['_mapsite/gate-KYJ2ZDD7.json', false],
	])('%s is site code: %s', (path, expected) => {
		expect(isSiteCode(path)).toBe(expected);
	});
});

describe('findLeaks in binary files', () => {
	const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	const chunk = (type: string, data: Uint8Array) => {
		const head = Buffer.alloc(8);
		head.writeUInt32BE(data.length, 0);
		head.write(type, 4, 'latin1');
		return Buffer.concat([head, data, Buffer.alloc(4)]);
	};
	const png = (...chunks: Buffer[]) => new Uint8Array(Buffer.concat([Buffer.from(PNG_SIGNATURE), ...chunks, chunk('IEND', new Uint8Array())]));
	const phrase = 'Customs audit freezes IT changes';
	const leaksIn = async (path: string, bytes: Uint8Array) => (await findLeaks([{ path, bytes }], collectGatedSentinels([deal(makeFullPlan())]), [])).map(formatLeak);
	const expected = (path: string) => [`${path}: contains "${phrase}" from plans/harbor.mdx, risks[0].title (risk "audit")`];

	it('reads a compressed PNG text chunk that follows other chunks', async () => {
		const header = chunk('IHDR', new Uint8Array(13));
		const ztxt = chunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(phrase)]));
		const itxt = chunk('iTXt', Buffer.concat([Buffer.from('Comment\0\x01\0en-GB\0Kommentar\0', 'latin1'), deflateSync(phrase)]));
		expect(await leaksIn('og/a.png', png(header, ztxt))).toEqual(expected('og/a.png'));
		expect(await leaksIn('og/b.png', png(header, itxt))).toEqual(expected('og/b.png'));
	});

	it('reads compressed PNG text chunks with an empty keyword', async () => {
		const ztxt = chunk('zTXt', Buffer.concat([Buffer.from('\0\0', 'latin1'), deflateSync(phrase)]));
		const itxt = chunk('iTXt', Buffer.concat([Buffer.from('\0\x01\0\0\0', 'latin1'), deflateSync(phrase)]));
		expect(await leaksIn('og/a.png', png(ztxt))).toEqual(expected('og/a.png'));
		expect(await leaksIn('og/b.png', png(itxt))).toEqual(expected('og/b.png'));
	});

	it('reports a phrase once when a PNG carries it both plain and compressed', async () => {
		const text = chunk('tEXt', encode(`Comment\0${phrase}`));
		const ztxt = chunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(phrase)]));
		expect(await leaksIn('og/a.png', png(text, ztxt))).toEqual(expected('og/a.png'));
	});

	it('opens a gzipped page whose name ends in .html.gz', async () => {
		expect(await leaksIn('x7k2/index.html.gz', new Uint8Array(gzipSync(`<p>${phrase}</p>`)))).toEqual(expected('x7k2/index.html.gz'));
	});

	it('opens a raw-deflate stream whose second byte is 0x8b, the second byte of gzip’s signature', async () => {
		// Two printable characters before the phrase are enough to give the stream that second byte.
		const printable = Array.from({ length: 0x5f }, (_, code) => String.fromCharCode(0x20 + code));
		const pairs = printable.flatMap((a) => printable.map((b) => `${a}${b}`));
		const stream = pairs.map((pair) => new Uint8Array(deflateRawSync(`${pair} ${phrase}`))).find((bytes) => bytes[1] === 0x8b);
		expect(stream).toBeDefined();
		expect(await leaksIn('x7k2/data.bin', stream!)).toEqual(expected('x7k2/data.bin'));
	});

	it('finds gzip data behind a short binary header that holds the byte 0x8b', async () => {
		const header = new Uint8Array([0x70, 0x66, 0x8b, 0x00, 0x01, 0x02]);
		const bytes = new Uint8Array([...header, ...gzipSync(`{"content":"${phrase}"}`)]);
		expect(await leaksIn('x7k2/index/en_1.pf_index', bytes)).toEqual(expected('x7k2/index/en_1.pf_index'));
	});

	it('finds gzip data behind a short binary header that holds the byte 0x1f itself', async () => {
		const header = new Uint8Array([0x70, 0x66, 0x1f, 0x00, 0x01, 0x02]);
		const bytes = new Uint8Array([...header, ...gzipSync(`{"content":"${phrase}"}`)]);
		expect(await leaksIn('x7k2/index/en_1.pf_index', bytes)).toEqual(expected('x7k2/index/en_1.pf_index'));
	});
});
