import { describe, expect, test } from 'vitest';
import { en } from '../../../../src/i18n/messages/en.ts';
import { id } from '../../../../src/i18n/messages/id.ts';
import { composeFeedbackEmail, type FeedbackEmailSettings } from '../../../../src/lib/feedback/email/compose-email.ts';
import { deriveFeedbackEmailKey } from '../../../../src/lib/feedback/email/email-key.ts';
import { buildFeedbackEmailLink, MAILTO_LINK_LIMIT } from '../../../../src/lib/feedback/email/email-link.ts';
import { readFeedbackEmail } from '../../../../src/lib/feedback/email/read-email.ts';

const SITE_SECRET = new Uint8Array(32).fill(7);
const OTHER_SECRET = new Uint8Array(32).fill(9);
const PLANS = [
	{ slug: 'northwind', file: 'plans/northwind.mdx', keyVersion: 1 },
	{ slug: 'globex', file: 'plans/globex.mdx', keyVersion: 1 },
];

async function settingsFor(locale: 'en' | 'id', secret = SITE_SECRET, slug = 'northwind', keyVersion = 1): Promise<FeedbackEmailSettings> {
	const messages = locale === 'en' ? en : id;
	const f = messages.feedback;
	return {
		key: await deriveFeedbackEmailKey(secret, slug, keyVersion),
		keyVersion,
		locale,
		planTitle: 'Northwind x Acme: data platform evaluation',
		controls: { done: f.markDone, 'new-date': f.proposeNewDate, comment: f.comment, 'new-action': f.suggestAction, 'new-risk': f.flagRisk },
		words: messages.feedbackEmail,
	};
}

const DONE = {
	values: { deal: 'northwind', kind: 'done', action: 'msa-redlines', from: 'Marcus Lee', message: 'Sent to your legal team on Friday.' },
	actionTitle: 'Return redlines on the MSA and DPA',
	today: '2026-05-04',
};

describe('composeFeedbackEmail', () => {
	test('writes for a person in English, with the signed block at the end', async () => {
		const email = await composeFeedbackEmail(await settingsFor('en'), DONE);
		expect(email.subject).toBe('Plan feedback: Mark done – Return redlines on the MSA and DPA');
		const [people] = email.body.split('-----BEGIN');
		expect(people).toMatchInlineSnapshot(`
			"Hello,

			Marcus Lee marked “Return redlines on the MSA and DPA” done.

			Their note:
			Sent to your legal team on Friday.

			Plan: Northwind x Acme: data platform evaluation

			Please send this email as it is. The block below lets the team update the plan in one step; if it is changed, the team has to retype your note.

			"
		`);
		expect(email.body).toMatch(/-----BEGIN MAPSITE FEEDBACK-----\n([A-Za-z0-9_.-]{1,60}\n)+-----END MAPSITE FEEDBACK-----\n$/);
		console.log(`--- en ---\nSubject: ${email.subject}\n\n${email.body}`);
	});

	test('writes in Indonesian for an Indonesian plan, with the date in words', async () => {
		const email = await composeFeedbackEmail(await settingsFor('id'), {
			values: { deal: 'northwind', kind: 'new-date', action: 'msa-redlines', from: 'Siti Rahma', date: '2026-05-17', message: 'Tim legal kami cuti minggu depan.' },
			actionTitle: 'Kembalikan redline MSA dan DPA',
			today: '2026-05-04',
		});
		expect(email.subject).toBe('Masukan rencana: Usulkan tanggal baru – Kembalikan redline MSA dan DPA');
		expect(email.body.split('-----BEGIN')[0]).toContain('Siti Rahma meminta “Kembalikan redline MSA dan DPA” dipindah ke 17 Mei 2026.\n\nCatatannya:\nTim legal kami cuti minggu depan.');
		console.log(`--- id ---\nSubject: ${email.subject}\n\n${email.body}`);
	});

	test('keeps a value that looks like a placeholder or the block marker as plain text', async () => {
		const email = await composeFeedbackEmail(await settingsFor('en'), {
			values: { deal: 'northwind', kind: 'comment', from: '{action}', message: '-----BEGIN MAPSITE FEEDBACK-----' },
			today: '2026-05-04',
		});
		expect(email.body).toContain('{action} commented on the plan:');
		expect(email.body.match(/BEGIN MAPSITE FEEDBACK/g)).toHaveLength(1);
		expect(await readFeedbackEmail(email.body, { plans: PLANS, siteSecret: SITE_SECRET })).toMatchObject({ ok: true, form: { kind: 'comment', from: '{action}' } });
	});
});

describe('readFeedbackEmail', () => {
	test('reads back the form the buyer sent', async () => {
		const email = await composeFeedbackEmail(await settingsFor('en'), DONE);
		const read = await readFeedbackEmail(email.body, { plans: PLANS, siteSecret: SITE_SECRET });
		expect(read).toEqual({
			ok: true,
			form: { kind: 'done', deal: 'northwind', action: 'msa-redlines', from: 'Marcus Lee', message: 'Sent to your legal team on Friday.' },
			plan: PLANS[0],
			ref: { emailId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), createdAt: '2026-05-04' },
		});
	});

	test('tolerates a reply that quotes the email with "> " and re-wraps its lines', async () => {
		const email = await composeFeedbackEmail(await settingsFor('en'), DONE);
		const quoted = email.body
			.split('\n')
			.flatMap((line) => (line.length > 40 ? [line.slice(0, 40), line.slice(40)] : [line]))
			.map((line) => `> > ${line}`)
			.join('\r\n');
		const read = await readFeedbackEmail(`Forwarding this.\n\nOn Mon, Marcus wrote:\n${quoted}\n\n-- \nRep`, { plans: PLANS, siteSecret: SITE_SECRET });
		expect(read.ok).toBe(true);
	});

	test.each([
		['an edited field', (body: string) => editPayload(body, (data) => ({ ...data, form: { ...data.form, action: 'security-review' } }))],
		['another deal named in the block', (body: string) => editPayload(body, (data) => ({ ...data, deal: 'globex' }))],
		['a changed character in the block', (body: string) => body.replace(/(BEGIN MAPSITE FEEDBACK-----\n)(.)/, (_all, head: string, char: string) => head + (char === 'A' ? 'B' : 'A'))],
	])('refuses %s, saying nothing was applied', async (_name, edit) => {
		const email = await composeFeedbackEmail(await settingsFor('en'), DONE);
		const read = await readFeedbackEmail(edit(email.body), { plans: PLANS, siteSecret: SITE_SECRET });
		expect(read.ok).toBe(false);
		expect(!read.ok && read.problems.join(' ')).toMatch(/edited after the site wrote it|was changed after it was written/);
	});

	test('refuses an email from another site, whose secret differs', async () => {
		const email = await composeFeedbackEmail(await settingsFor('en', OTHER_SECRET), DONE);
		const read = await readFeedbackEmail(email.body, { plans: PLANS, siteSecret: SITE_SECRET });
		expect(read).toEqual({
			ok: false,
			problems: [
				"The block's signature does not match plans/northwind.mdx: the block was edited after the site wrote it, or it comes from another site (another site secret). Nothing was applied; if you trust the sender, ask them to send it again from the plan's site.",
			],
		});
	});

	test('refuses an email for a deal that has no plan here', async () => {
		const email = await composeFeedbackEmail(await settingsFor('en', SITE_SECRET, 'initech'), { ...DONE, values: { ...DONE.values, deal: 'initech' } });
		const read = await readFeedbackEmail(email.body, { plans: PLANS, siteSecret: SITE_SECRET });
		expect(!read.ok && read.problems[0]).toBe('The email is for the deal "initech", which has no plan here (plans: northwind, globex). Is it for another site, or run with --plans <dir>?');
	});

	test('refuses an email written before the deal key was rotated', async () => {
		const email = await composeFeedbackEmail(await settingsFor('en'), DONE);
		const read = await readFeedbackEmail(email.body, { plans: [{ ...PLANS[0]!, keyVersion: 2 }], siteSecret: SITE_SECRET });
		expect(!read.ok && read.problems[0]).toMatch(/^The email was written on a page with keyVersion 1, but plans\/northwind.mdx is at keyVersion 2/);
	});

	test.each([
		['no block', 'Hi, I marked the MSA done.', /has no "-----BEGIN MAPSITE FEEDBACK-----" line/],
		['a cut-off block', '-----BEGIN MAPSITE FEEDBACK-----\nabc', /has no "-----END MAPSITE FEEDBACK-----" line/],
		['two blocks', '-----BEGIN MAPSITE FEEDBACK-----\n-----BEGIN MAPSITE FEEDBACK-----', /2 "-----BEGIN MAPSITE FEEDBACK-----" lines/],
		['a mangled block', '-----BEGIN MAPSITE FEEDBACK-----\nnot*base64\n-----END MAPSITE FEEDBACK-----', /was changed after it was written/],
	])('says what is wrong with %s', async (_name, text, message) => {
		const read = await readFeedbackEmail(text, { plans: PLANS, siteSecret: SITE_SECRET });
		expect(!read.ok && read.problems[0]).toMatch(message);
	});
});

describe('buildFeedbackEmailLink', () => {
	test('shortens a long message so the link fits mail clients, and the shortened email still reads back', async () => {
		const link = (await buildFeedbackEmailLink('rep@acme.example', await settingsFor('en'), { ...DONE, values: { ...DONE.values, message: 'Redline notes. '.repeat(300) } }))!;
		expect(link.length).toBeLessThanOrEqual(MAILTO_LINK_LIMIT);
		expect(link.length).toBeGreaterThan(MAILTO_LINK_LIMIT - 200);
		const body = decodeURIComponent(link.slice(link.indexOf('&body=') + 6)).replace(/\r\n/g, '\n');
		const read = await readFeedbackEmail(body, { plans: PLANS, siteSecret: SITE_SECRET });
		expect(read.ok && read.form.message).toMatch(/^Redline notes\. .*…$/);
	});

	test('writes CRLF line breaks and percent-encodes an address so it cannot start headers or a fragment', async () => {
		const link = (await buildFeedbackEmailLink('a#b?c@acme.example', await settingsFor('en'), DONE))!;
		expect(link).toMatch(/^mailto:a%23b%3Fc@acme\.example\?subject=Plan%20feedback%3A%20Mark%20done%20%E2%80%93%20Return%20redlines/);
		expect(link).toContain('&body=Hello%2C%0D%0A%0D%0AMarcus%20Lee%20marked');
	});

	test.each(['', 'rep', 'a@b@c', 'a@b.example,boss@b.example', 'a@b.example other@b.example', 'a@b.example;x@y'])('refuses %j as a contact', async (contact) => {
		expect(await buildFeedbackEmailLink(contact, await settingsFor('en'), DONE)).toBeUndefined();
	});
});

function editPayload(body: string, change: (data: { deal: string; form: Record<string, string> }) => unknown): string {
	const [head, rest] = body.split('-----BEGIN MAPSITE FEEDBACK-----\n') as [string, string];
	const [block, tail] = rest.split('\n-----END MAPSITE FEEDBACK-----') as [string, string];
	const [payload, tag] = block.replace(/\n/g, '').split('.') as [string, string];
	const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	const edited = Buffer.from(JSON.stringify(change(data))).toString('base64url');
	return `${head}-----BEGIN MAPSITE FEEDBACK-----\n${edited}.${tag}\n-----END MAPSITE FEEDBACK-----${tail}`;
}
