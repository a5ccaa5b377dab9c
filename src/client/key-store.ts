/** Where the loader keeps a deal's raw content key between pages: this tab (sessionStorage) or this device (localStorage). */

import { decodeBase64Url, encodeBase64Url } from '../lib/crypto/index.ts';
import { buildKeyStorageName } from '../lib/gate/manifest.ts';

/** Reads the deal's key from sessionStorage, then localStorage; undefined when neither holds a valid one. */
export function readStoredKey(dealId: string): Uint8Array<ArrayBuffer> | undefined {
	const name = buildKeyStorageName(dealId);
	for (const storage of availableStorages()) {
		const text = storage.getItem(name);
		if (text === null) continue;
		try {
			const key = decodeBase64Url(text);
			if (key.length === 32) return key;
		} catch {
			// A damaged entry is treated as absent; the visitor can still type the password.
		}
	}
	return undefined;
}

/** Stores the deal's key for this tab, or for this device when `remember` is set. */
export function storeKey(dealId: string, rawKey: Uint8Array, remember: boolean): void {
	const storage = remember ? safeStorage('localStorage') : safeStorage('sessionStorage');
	// Private modes may refuse storage; the page still opens, only the next one asks again.
	try {
		storage?.setItem(buildKeyStorageName(dealId), encodeBase64Url(rawKey));
	} catch {}
}

/** Forgets the deal's key in both storages. */
export function clearStoredKey(dealId: string): void {
	for (const storage of availableStorages()) storage.removeItem(buildKeyStorageName(dealId));
}

function availableStorages(): Storage[] {
	return [safeStorage('sessionStorage'), safeStorage('localStorage')].filter((storage) => storage !== undefined);
}

function safeStorage(name: 'sessionStorage' | 'localStorage'): Storage | undefined {
	// Reading the property itself throws when the browser blocks storage for this site.
	try {
		return window[name];
	} catch {
		return undefined;
	}
}
