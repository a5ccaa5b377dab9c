/** The gate manifest: what the browser loader needs to unlock one page, and nothing about the deal's content. */

import { GateError, type WrappedContentKey } from '../crypto/index.ts';

/** Published in each shell as `<script type="application/json" id="mapsite-gate">`. */
export interface GateManifest {
	v: 2;
	/** The deal's public URL id; binds the wrapped key and every file to this deal. */
	dealId: string;
	/** The build that made this shell; binds the payload and the deal's archives to it (see createBuildId). */
	buildId: string;
	/** The content key wrapped under the deal password (from wrapContentKey). */
	wrappedKey: WrappedContentKey;
	/** URL of this page's encrypted payload, relative to the page. */
	payload: string;
	/** The path given to buildFileAad when the payload was encrypted. */
	aad: string;
}

/** Id of the script element that holds the manifest. */
export const GATE_MANIFEST_ID = 'mapsite-gate';

/** Id of the script element that holds the loader's visitor-facing messages. */
export const GATE_MESSAGES_ID = 'mapsite-gate-messages';

/** Names the Web Storage entry where builds before IndexedDB kept a deal's raw key; the loader now only migrates and deletes it. */
export function buildKeyStorageName(dealId: string): string {
	return `mapsite:key:${dealId}`;
}

/** Parses and checks a manifest read from a page; throws GateError 'bad-format' when anything is missing or of the wrong type. */
export function parseGateManifest(text: string): GateManifest {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (cause) {
		throw new GateError('bad-format', { cause });
	}
	// The shell may have been edited or cut short in transit, so every field is checked.
	if (!isRecord(value) || value.v !== 2 || !isFilledString(value.dealId) || !isFilledString(value.buildId) || !isFilledString(value.payload) || !isFilledString(value.aad)) {
		throw new GateError('bad-format');
	}
	const key = value.wrappedKey;
	if (!isRecord(key) || !isFilledString(key.salt) || !isFilledString(key.iv) || !isFilledString(key.wrapped) || typeof key.iterations !== 'number') {
		throw new GateError('bad-format');
	}
	return value as unknown as GateManifest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFilledString(value: unknown): value is string {
	return typeof value === 'string' && value !== '';
}
