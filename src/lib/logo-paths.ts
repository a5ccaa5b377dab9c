/**
 * Where a plan's logos live and what may be wrong with their paths. A buyer's logo identifies the
 * buyer, so on a gated plan it must sit beside the plan files (it is then inlined into the
 * encrypted pages); anything under `public/` is published in the clear.
 */
import type { Plan } from '../schema/plan.ts';
import type { Problem } from './problems.ts';

/** Image types a logo may have, by file extension. */
export const LOGO_TYPES: Readonly<Record<string, string>> = {
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
};

/** Logos are inlined into every page of the deal, so they are kept small. */
export const MAX_LOGO_BYTES = 100 * 1024;

/** One logo the plan names: which party, the field path, and where the file is, relative to the project root. */
export interface LogoReference {
	party: 'buyer' | 'seller';
	field: string;
	value: string;
	/** Project-relative path with forward slashes. */
	resolved: string;
}

/** The logos of `plan`, found relative to its file (`plans/x.mdx`) or to `public/` for paths starting with `/`. */
export function getLogoReferences(plan: Plan, planFile: string): LogoReference[] {
	const folder = planFile.includes('/') ? planFile.slice(0, planFile.lastIndexOf('/')) : '.';
	return (['buyer', 'seller'] as const).flatMap((party) => {
		const value = plan[party].logo;
		if (!value) return [];
		const resolved = value.startsWith('/') ? `public${value}` : normalize(`${folder}/${value}`);
		return [{ party, field: `${party}.logo`, value, resolved }];
	});
}

// Resolves `.` and `..`; a plan outside the project (../x, /tmp/x) keeps its leading part.
function normalize(path: string): string {
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
		else if (part === '..') parts.push(part);
		else if (part !== '.' && part !== '') parts.push(part);
	}
	return `${path.startsWith('/') ? '/' : ''}${parts.join('/')}`;
}

/** Problems with a logo given what the file system reported: its size, or undefined when missing. */
export function checkLogo(plan: Plan, planFile: string, logo: LogoReference, size: number | undefined): Problem[] {
	const base = { file: planFile, path: logo.field, severity: 'error' as const };
	const problems: Problem[] = [];
	const extension = logo.value.split('.').at(-1)?.toLowerCase() ?? '';
	if (logo.party === 'buyer' && plan.access === 'gated' && logo.value.startsWith('/')) {
		problems.push({
			...base,
			code: 'logo-public',
			message: `${JSON.stringify(logo.value)} is in public/, which is published unencrypted, and the buyer's logo identifies the buyer.`,
			hint: `Move it beside the plan, e.g. plans/logos/${logo.value.split('/').at(-1)}, and write logo: logos/${logo.value.split('/').at(-1)}.`,
		});
	}
	if (!(extension in LOGO_TYPES)) {
		problems.push({ ...base, code: 'logo-type', message: `${JSON.stringify(logo.value)} is not an image type a logo may be.`, hint: 'Use an .svg, .png, .jpg or .webp file.' });
	} else if (size === undefined) {
		problems.push({ ...base, code: 'logo-missing', message: `${JSON.stringify(logo.value)} does not exist (looked for ${logo.resolved}).`, hint: 'Check the spelling, or add the file there.' });
	} else if (size > MAX_LOGO_BYTES) {
		problems.push({
			...base,
			code: 'logo-too-big',
			message: `${JSON.stringify(logo.value)} is ${Math.round(size / 1024)} KB; a logo is inlined into every page, so at most ${MAX_LOGO_BYTES / 1024} KB.`,
			hint: 'Use an SVG, or a PNG about 200 px high.',
		});
	}
	return problems;
}
