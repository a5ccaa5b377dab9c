/** The neutral page published in place of a gated page: seller brand and unlock form, never the deal's content. */

import { formatBrandStyle, getBrandPalette } from '../brand-contrast.ts';
import type { Brand } from '../../schema/branding.ts';
import { escapeHtml, serializeJsonForScript } from './escape-html.ts';
import type { GateLabels } from './labels.ts';
import { GATE_MANIFEST_ID, GATE_MESSAGES_ID, type GateManifest } from './manifest.ts';

/** Inputs of renderGateShell. */
export interface GateShellInput {
	/** BCP 47 language of the labels, e.g. 'en'. */
	lang: string;
	/** Generic page title such as "Mutual action plan"; never the buyer or deal name. */
	title: string;
	/** The seller's name, the only brand text on the shell. */
	sellerName: string;
	/** The seller's logo as a URL or data URI; the seller's brand is public, the buyer's never appears here. */
	sellerLogo?: string;
	/** The deal's brand colours; the shell draws with the same palette as the site. */
	brand?: Pick<Brand, 'primary' | 'accent'>;
	labels: GateLabels;
	manifest: GateManifest;
	/** URL of the bundled loader (src/client/gate.ts). */
	scriptUrl: string;
	styleUrls?: readonly string[];
	/** Extra head tags already escaped, from renderShareMeta: link previews, theme colour, icon. */
	headTags?: string;
}

/**
 * Renders the shell HTML. Its only inputs are these arguments, so it can show nothing of a deal
 * beyond what the caller passes: keep buyer names and plan text out of `title` and `sellerName`.
 * The manifest carries only ids, ciphertext and a relative URL.
 */
export function renderGateShell({ lang, title, sellerName, sellerLogo, brand, labels, manifest, scriptUrl, styleUrls = [], headTags = '' }: GateShellInput): string {
	// The payload is fetched as soon as the HTML arrives, not after the loader starts; only a plain
	// file name (what the build writes) is preloaded.
	const preload = /^[\w.-]+$/.test(manifest.payload) ? `<link rel="preload" href="${manifest.payload}" as="fetch" crossorigin="anonymous">\n` : '';
	const styles = styleUrls.map((url) => `<link rel="stylesheet" href="${escapeHtml(url)}">`).join('\n');
	// Only custom properties, built from validated hex colours: the layout never depends on them.
	const brandStyle = brand ? ` style="${escapeHtml(formatBrandStyle(getBrandPalette(brand)))}"` : '';
	// The name beside it says who this is, so the logo is decorative.
	const logo = sellerLogo ? `<img class="mapsite-gate-logo" src="${escapeHtml(sellerLogo)}" alt="" height="40">` : '';
	return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
${preload}${headTags}
${styles}
<script type="module" src="${escapeHtml(scriptUrl)}"></script>
</head>
<body class="mapsite-gate-page"${brandStyle}>
<header class="mapsite-gate-brand"><p class="mapsite-gate-seller">${logo}<span>${escapeHtml(sellerName)}</span></p></header>
<main class="mapsite-gate" id="mapsite-gate-main">
<noscript><p class="mapsite-gate-noscript">${escapeHtml(labels.noscript)}</p></noscript>
<form class="mapsite-gate-form" id="mapsite-gate-form" hidden>
<h1 class="mapsite-gate-heading">${escapeHtml(labels.heading)}</h1>
<p class="mapsite-gate-intro">${escapeHtml(labels.intro)}</p>
<div class="mapsite-gate-field">
<label for="mapsite-gate-password">${escapeHtml(labels.password)}</label>
<input id="mapsite-gate-password" name="password" type="password" autocomplete="current-password" required aria-describedby="mapsite-gate-status">
</div>
<div class="mapsite-gate-field">
<label class="mapsite-gate-remember"><input id="mapsite-gate-remember" name="remember" type="checkbox" aria-describedby="mapsite-gate-remember-hint"> ${escapeHtml(labels.remember)}</label>
<p class="mapsite-gate-hint" id="mapsite-gate-remember-hint">${escapeHtml(labels.rememberHint)}</p>
</div>
<button class="mapsite-gate-submit" type="submit">${escapeHtml(labels.unlock)}</button>
</form>
<p class="mapsite-gate-status" id="mapsite-gate-status" role="status" aria-live="polite"></p>
</main>
<mapsite-content hidden></mapsite-content>
<script type="application/json" id="${GATE_MANIFEST_ID}">${serializeJsonForScript(manifest)}</script>
<script type="application/json" id="${GATE_MESSAGES_ID}">${serializeJsonForScript(labels.messages)}</script>
</body>
</html>
`;
}
