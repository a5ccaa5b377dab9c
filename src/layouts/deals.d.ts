// The deal routes come from the deal-routes integration's virtual module; plain tsc needs its shape.
declare module 'virtual:mapsite/deals' {
	export const deals: { slug: string; routeId: string; gated: boolean }[];
	export const today: string;
}
