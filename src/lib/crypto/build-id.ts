/**
 * A deal's build id: fresh for every build that renders the deal, named in each shell's manifest
 * and bound into every file's AAD, so the loader refuses a payload or archive of an older build of
 * the same page. A deal an incremental build keeps is not re-rendered and keeps its own id.
 */

import { encodeBase64Url } from './encoding.ts';

/** 128 random bits as base64url (22 characters, never a colon). */
export function createBuildId(): string {
	return encodeBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}
