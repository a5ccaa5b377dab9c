/**
 * Where the loader keeps a deal's content key between pages: a non-extractable CryptoKey in
 * IndexedDB, for this tab or (with "remember this device") for this browser. A script on the site
 * can use such a key while it runs here, but can never read its bytes, so it cannot carry the key
 * away. Older builds kept raw key bytes in sessionStorage/localStorage; the first page of this
 * build moves every such entry into IndexedDB and deletes it.
 */

import { decodeBase64Url, importContentKey } from '../lib/crypto/index.ts';
import { buildKeyStorageName } from '../lib/gate/manifest.ts';

const DB_NAME = 'mapsite-keys';
const STORE = 'keys';
const LEGACY_PREFIX = buildKeyStorageName('');
/** Names this tab's records; sessionStorage lives as long as the tab, across its pages. */
const TAB_ID_NAME = 'mapsite:tab';
/** Tab records outlive a closed tab; after this long they are swept. */
const TAB_RECORD_MS = 24 * 60 * 60 * 1000;

/** One stored key: the device's record for a deal, or one tab's. */
interface KeyRecord {
	id: string;
	dealId: string;
	key: CryptoKey;
	scope: 'device' | 'tab';
	savedAt: number;
}

let migrated: Promise<void> | undefined;

/** The deal's key for this tab, else for this device; undefined when neither is stored or storage is blocked. */
export async function readStoredKey(dealId: string): Promise<CryptoKey | undefined> {
	migrated ??= migrateLegacyKeys().catch(() => undefined);
	await migrated;
	const tabId = readTabId(false);
	return withStore('readonly', async (store) => {
		const tabRecord = tabId ? await request<KeyRecord | undefined>(store.get(`tab:${tabId}:${dealId}`)) : undefined;
		return (tabRecord ?? (await request<KeyRecord | undefined>(store.get(`device:${dealId}`))))?.key;
	}).catch(() => undefined);
}

/** Keeps the deal's raw key, imported as non-extractable, for this tab or (with `remember`) this device. */
export async function storeKey(dealId: string, rawKey: Uint8Array, remember: boolean): Promise<void> {
	const key = await importContentKey(rawKey, { extractable: false });
	const tabId = remember ? undefined : readTabId(true);
	// Without sessionStorage there is no tab to scope a key to; the next page asks again.
	if (!remember && !tabId) return;
	const record: KeyRecord = { id: remember ? `device:${dealId}` : `tab:${tabId}:${dealId}`, dealId, key, scope: remember ? 'device' : 'tab', savedAt: Date.now() };
	// Private modes may refuse IndexedDB; the page still opens, only the next one asks again.
	await withStore('readwrite', (store) => request(store.put(record))).catch(() => undefined);
}

/** Forgets the deal's key everywhere in this browser: device, every tab, and any entry an older build left. */
export async function clearStoredKey(dealId: string): Promise<void> {
	for (const storage of availableStorages()) storage.removeItem(buildKeyStorageName(dealId));
	await withStore('readwrite', async (store) => {
		const records = await request<KeyRecord[]>(store.getAll());
		await Promise.all(records.filter((record) => record.dealId === dealId).map((record) => request(store.delete(record.id))));
	}).catch(() => undefined);
}

/** Moves every raw key an older build stored into IndexedDB, non-extractable, and deletes the old entry; sweeps old tab records. */
async function migrateLegacyKeys(): Promise<void> {
	for (const [storage, remember] of availableStorages().map((storage) => [storage, storage === safeStorage('localStorage')] as const)) {
		const names = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter((name): name is string => name?.startsWith(LEGACY_PREFIX) === true);
		for (const name of names) {
			const text = storage.getItem(name);
			// Deleted first: even if the import below fails, the raw bytes must not stay readable.
			storage.removeItem(name);
			try {
				const raw = decodeBase64Url(text ?? '');
				if (raw.length === 32) await storeKey(name.slice(LEGACY_PREFIX.length), raw, remember);
			} catch {
				// A damaged entry is dropped; the visitor can still type the password.
			}
		}
	}
	const cutoff = Date.now() - TAB_RECORD_MS;
	await withStore('readwrite', async (store) => {
		const records = await request<KeyRecord[]>(store.getAll());
		await Promise.all(records.filter((record) => record.scope === 'tab' && record.savedAt < cutoff).map((record) => request(store.delete(record.id))));
	});
}

function readTabId(create: boolean): string | undefined {
	const storage = safeStorage('sessionStorage');
	if (!storage) return undefined;
	try {
		let id = storage.getItem(TAB_ID_NAME) ?? undefined;
		if (!id && create) {
			id = crypto.randomUUID();
			storage.setItem(TAB_ID_NAME, id);
		}
		return id;
	} catch {
		return undefined;
	}
}

function openDatabase(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const opening = indexedDB.open(DB_NAME, 1);
		opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'id' });
		opening.onsuccess = () => resolve(opening.result);
		opening.onerror = () => reject(opening.error);
		opening.onblocked = () => reject(new Error('IndexedDB is blocked.'));
	});
}

/** Runs `work` in one transaction and resolves once that transaction has committed. */
async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
	const db = await openDatabase();
	try {
		const transaction = db.transaction(STORE, mode);
		const done = new Promise<void>((resolve, reject) => {
			transaction.oncomplete = () => resolve();
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted.'));
		});
		const result = await work(transaction.objectStore(STORE));
		await done;
		return result;
	} finally {
		db.close();
	}
}

function request<T>(req: IDBRequest): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result as T);
		req.onerror = () => reject(req.error);
	});
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
