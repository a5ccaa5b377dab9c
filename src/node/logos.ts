/** Reads plan logos from disk: the problems `npm run check` and the build report, and data URIs for pages. */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CheckedPlan } from '../lib/check/index.ts';
import { checkLogo, getLogoReferences, LOGO_TYPES } from '../lib/logo-paths.ts';
import type { Problem } from '../lib/problems.ts';
import type { Plan } from '../schema/plan.ts';

async function sizeOf(path: string): Promise<number | undefined> {
	return stat(path).then(
		(info) => (info.isFile() ? info.size : undefined),
		() => undefined,
	);
}

/** Logo problems of every valid plan; `root` is the project root the plan files are relative to. */
export async function findLogoProblems(plans: readonly Pick<CheckedPlan, 'file' | 'plan'>[], root: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const { file, plan } of plans) {
		if (!plan) continue;
		for (const logo of getLogoReferences(plan, file)) problems.push(...checkLogo(plan, file, logo, await sizeOf(resolve(root, logo.resolved))));
	}
	return problems;
}

/** The plan's logos as data URIs, so a buyer's logo only ever travels inside the encrypted page. */
export async function readLogoDataUris(plan: Plan, planFile: string, root: string): Promise<{ buyer?: string; seller?: string }> {
	const uris: { buyer?: string; seller?: string } = {};
	for (const logo of getLogoReferences(plan, planFile)) {
		const type = LOGO_TYPES[logo.value.split('.').at(-1)!.toLowerCase()];
		const bytes = await readFile(resolve(root, logo.resolved));
		uris[logo.party] = `data:${type};base64,${bytes.toString('base64')}`;
	}
	return uris;
}

/**
 * The seller's logo for the password page, which anyone with the link sees: a file under `public/`
 * by its public URL, one beside the plan inlined. The seller's brand is public; the buyer's logo
 * never goes here.
 */
export async function readSellerLogoUrl(plan: Plan, planFile: string, root: string): Promise<string | undefined> {
	const logo = getLogoReferences(plan, planFile).find((reference) => reference.party === 'seller');
	if (!logo) return undefined;
	if (logo.value.startsWith('/')) return logo.value;
	return (await readLogoDataUris({ ...plan, buyer: { ...plan.buyer, logo: undefined } }, planFile, root)).seller;
}
