import { z } from 'astro/zod';

/** A colour as #rgb or #rrggbb. */
export const HexColorSchema = z
	.string()
	.regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'must be a hex colour such as #0b5fff' });

/** One party of the deal as shown in the site header. */
export const PartySchema = z.strictObject({
	/** The organisation's name as it should appear on the site. */
	name: z.string().min(1),
	/** Path to a logo image, relative to the plan file or to `public/` when it starts with `/`. */
	logo: z.string().min(1).optional(),
});

/** The seller, who owns the site; its brand is the only one shown before unlocking. */
export const SellerSchema = PartySchema.extend({
	/** Where buyers can email the rep when no feedback relay is set up. */
	contact: z.email({ error: 'must be an email address' }).optional(),
});

/** The deal's colours, applied through CSS custom properties. */
export const BrandSchema = z.strictObject({
	/** Main colour: header bar, links, progress bars. */
	primary: HexColorSchema,
	/** Second colour for highlights; defaults to the primary colour. */
	accent: HexColorSchema.optional(),
});

export type Party = z.infer<typeof PartySchema>;
export type Seller = z.infer<typeof SellerSchema>;
export type Brand = z.infer<typeof BrandSchema>;
