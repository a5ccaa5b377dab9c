import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { PlanSchema } from './schema/plan.ts';

/** Every deal is one MDX file in plans/ (or `MAPSITE_PLANS`); its slug is the file name without `.mdx`. */
const plans = defineCollection({
	loader: glob({ base: process.env.MAPSITE_PLANS ?? './plans', pattern: '**/*.mdx', generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, '') }),
	schema: PlanSchema,
});

export const collections = { plans };
