/** The files every published site has whatever its deals: a neutral front and 404 page, and robots.txt. */
import { writeInto } from './site-folder.ts';

const NEUTRAL_PAGE = (title: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${title}</title></head><body><main><h1>${title}</h1><p>Open the link you were sent to see your plan.</p></main></body></html>\n`;

// Search engines have no business here: every deal is unlisted, gated or not.
const ROBOTS = 'User-agent: *\nDisallow: /\n';

/** Writes the neutral pages the staged build lacks, and robots.txt, into `temp`. */
export async function writeFixedPages(temp: string, staged: readonly string[]): Promise<void> {
	for (const page of ['index.html', '404.html']) {
		if (!staged.includes(page)) await writeInto(temp, page, NEUTRAL_PAGE('Mutual action plan'));
	}
	await writeInto(temp, 'robots.txt', ROBOTS);
}
