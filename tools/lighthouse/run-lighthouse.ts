/** Runs Lighthouse (programmatic API) in Debian's Chromium, headless, for `npm run lighthouse` and its test. */
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { summarizeLighthouseResult, type LighthouseCategory, type LighthouseSummary } from './summarize.ts';

/** The phone and desktop settings Lighthouse ships (mobile is its default config). */
export type FormFactor = 'mobile' | 'desktop';

/** What to audit; Chromium comes from `CHROME_PATH`, else `/usr/bin/chromium`. */
export interface LighthouseRunOptions {
	url: string;
	formFactors: readonly FormFactor[];
	categories: readonly LighthouseCategory[];
	chromePath?: string;
}

/** Audits `url` once per form factor in one headless Chromium and returns a summary per run. */
export async function runLighthouse({ url, formFactors, categories, chromePath }: LighthouseRunOptions): Promise<LighthouseSummary[]> {
	const chrome = await launch({
		chromePath: chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
		logLevel: 'silent',
	});
	try {
		const summaries: LighthouseSummary[] = [];
		for (const formFactor of formFactors) {
			const result = await lighthouse(
				url,
				{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
				formFactor === 'desktop' ? desktopConfig : undefined,
			);
			if (result === undefined) throw new Error(`Lighthouse returned no result for ${url} (${formFactor}).`);
			summaries.push(summarizeLighthouseResult(result.lhr));
		}
		return summaries;
	} finally {
		chrome.kill();
	}
}
