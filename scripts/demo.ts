/**
 * `npm run demo`: builds every plan in plans/ into gated microsites and serves them on
 * localhost, printing each deal's URL and password. Passwords missing from the git-ignored
 * secrets file are generated for the demo; a real deploy sets them on purpose (see README).
 */
import { build } from 'astro';
import { checkPlanSources } from '../src/lib/check/index.ts';
import { deriveDealPathId, decodeBase64Url } from '../src/lib/crypto/index.ts';
import { formatProblem, hasBlockingProblems } from '../src/lib/problems.ts';
import { getPasswordVariable } from '../src/lib/secrets.ts';
import { ensureDemoSecrets } from '../src/node/demo-secrets.ts';
import { loadPlans } from '../src/node/load-plans.ts';
import { SECRETS_FILE } from '../src/node/secrets-file.ts';
import { serveStatic } from '../src/node/static-server.ts';
import { hideHookErrorBanner } from '../src/node/hide-hook-error-banner.ts';

const port = Number(process.env.PORT ?? 4321);
const { plans, problems } = checkPlanSources(await loadPlans('plans'));
for (const problem of problems) console.log(formatProblem(problem));
if (hasBlockingProblems(problems)) {
	console.log('\nFix the errors above (npm run check lists them too); nothing was built.');
	process.exit(1);
}
const gated = plans.filter((checked) => checked.plan?.access === 'gated').map((checked) => checked.slug);
const { secrets, created } = await ensureDemoSecrets(SECRETS_FILE, gated);
if (created.length > 0) console.log(`Generated demo passwords for ${created.join(', ')} in ${SECRETS_FILE} (git-ignored).`);

// Link previews need absolute URLs; the demo serves on localhost, so that is its site URL.
process.env.MAPSITE_SITE_URL ||= `http://localhost:${port}`;
hideHookErrorBanner();
try {
	// Vite's bundling notes are noise for a demo; errors still print.
	await build({ root: process.cwd(), logLevel: 'error' });
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}

const siteSecret = process.env.MAP_SITE_SECRET?.trim() || secrets.siteSecret!;
const { url } = await serveStatic(`${process.cwd()}/dist`, port);
console.log(`\nServing dist/ at ${url} (Ctrl+C to stop)\n`);
for (const checked of plans) {
	const routeId = checked.plan!.path ?? (await deriveDealPathId(decodeBase64Url(siteSecret), checked.slug));
	const password = process.env[getPasswordVariable(checked.slug)] || secrets.passwords[checked.slug];
	console.log(`${checked.slug}\n  ${url}/${routeId}/\n  ${checked.plan!.access === 'gated' ? `password: ${password}` : 'public, no password'}\n`);
}
