// The deal routes come from the gate integration's virtual module (src/integrations/gate.ts); plain tsc needs its shape.
declare module 'virtual:mapsite/deals' {
	export const deals: { slug: string; routeId: string; gated: boolean }[];
	export const today: string;
	/** True under `astro dev`: pages are not encrypted and say so. */
	export const isPreview: boolean;
	/** Feedback settings read at build time (src/node/feedback-settings.ts); tokens keyed by plan slug. */
	export const feedback: { relayUrl: string | undefined; repository: string | undefined; tokens: Record<string, string> };
	/** Each deal's feedback-email signing key by plan slug (src/lib/feedback/email/email-key.ts); empty without a site secret. */
	export const feedbackEmailKeys: Record<string, string>;
}
