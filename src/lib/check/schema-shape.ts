/** Reads the plan schema's shape, so unknown-field messages can list and suggest real field names. */
import type { z } from 'astro/zod';
import type { FieldPath } from './parse-yaml.ts';

interface Def {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

// Wrappers (optional, default, preprocess pipes) do not change which fields an object has.
function unwrap(schema: z.ZodType): z.ZodType {
	let current = schema;
	for (let i = 0; i < 10; i++) {
		const def = defOf(current);
		if (def.innerType) current = def.innerType;
		else if (def.type === 'pipe' && def.out && def.in) current = defOf(def.in).type === 'transform' ? def.out : def.in;
		else break;
	}
	return current;
}

/** The field names the schema allows for the object at `path`, in schema order. */
export function listKnownFields(schema: z.ZodType, path: FieldPath): string[] {
	let current: z.ZodType | undefined = unwrap(schema);
	for (const part of path) {
		if (!current) return [];
		const def = defOf(current);
		const next: z.ZodType | undefined = typeof part === 'number' ? def.element : def.shape?.[part];
		current = next ? unwrap(next) : undefined;
	}
	const shape = current ? defOf(current).shape : undefined;
	return shape ? Object.keys(shape) : [];
}
