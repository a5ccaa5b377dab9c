/** Escaping for values placed in HTML text, attributes and JSON script blocks. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '` so a value is inert both as text and inside a quoted attribute. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Serialises a value as JSON that cannot close or confuse the `<script type="application/json">` holding it. */
export function serializeJsonForScript(value: unknown): string {
	// Entities are not decoded inside <script>, so escape with JSON's own \u form instead.
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
