// @ts-check
/**
 * The benchmark's baseline: the project's own Astro config with the gate integration swapped for
 * `baselineDeals`, so the same pages are rendered as plain, readable HTML with no encryption,
 * images, diagrams, search or leak scan. Run by `npm run bench` only, never by `npm run build`.
 */
import { fileURLToPath } from 'node:url';
import project from '../../../astro.config.mjs';
import { baselineDeals } from './baseline-deals.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export default {
	...project,
	root,
	integrations: (project.integrations ?? []).map((integration) => (integration && 'name' in integration && integration.name === 'mapsite:gate' ? baselineDeals() : integration)),
};
