/** Reads a plan file's `keyVersion` without checking the rest of the plan: what the relay needs to refuse revoked tokens. */
import { parse } from 'yaml';
import { splitFrontmatterText } from './feedback/merge/frontmatter-text.ts';

/** The plan's key version (1 when it has none, the schema's default), or undefined when the file cannot say. */
export function readPlanKeyVersion(source: string): number | undefined {
	const parts = splitFrontmatterText(source);
	if (parts === undefined) return undefined;
	let data: unknown;
	try {
		data = parse(parts.yaml, { uniqueKeys: true });
	} catch {
		return undefined;
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
	const value = (data as Record<string, unknown>).keyVersion;
	if (value === undefined) return 1;
	return Number.isSafeInteger(value) && (value as number) >= 1 ? (value as number) : undefined;
}
