import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { PlanSchema } from './schema/plan.ts';

// The gate integration names the deals this build renders (a `--deal`, a shard, or only those that
// changed); reading just those files keeps a one-deal build's cost independent of the plan count.
const selected = process.env.MAPSITE_SELECTED_DEALS;
const escapeGlob = (slug: string) => slug.replace(/[*?{}()[\]!\\]/g, '\\$&');
const pattern = selected === undefined ? '**/*.mdx' : selected === '' ? '**/.mapsite-no-plan.mdx' : selected.split(',').map((slug) => `**/${escapeGlob(slug)}.mdx`);

/** Every deal is one MDX file in plans/ (or `MAPSITE_PLANS`); its slug is the file name without `.mdx`. */
const plans = defineCollection({
	loader: glob({ base: process.env.MAPSITE_PLANS ?? './plans', pattern, generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, '') }),
	schema: PlanSchema,
});

export const collections = { plans };
