/** The deal password unlocks the content key: PBKDF2 turns it into a key-encryption key that AES-GCM-wraps the raw content key. */

import { CONTENT_KEY_BYTES } from './content-key.ts';
import { decodeBase64Url, encodeBase64Url, encodeUtf8, toBufferSource } from './encoding.ts';
import { GateError } from './gate-error.ts';

/** PBKDF2 rounds for new wraps: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

const SALT_BYTES = 16;
const IV_BYTES = 12;
const WRAPPED_BYTES = CONTENT_KEY_BYTES + 16;

/** A wrapped content key as published next to the gate page; holds nothing that reveals the password. */
export interface WrappedContentKey {
	v: 1;
	kdf: 'PBKDF2-SHA256';
	iterations: number;
	/** base64url, 16 bytes. */
	salt: string;
	/** base64url, 12 bytes. */
	iv: string;
	/** base64url AES-GCM output: the 32-byte key and its 16-byte tag. */
	wrapped: string;
}

/** Options for wrapContentKey; tests lower `iterations`, and `salt` pins the output. */
export interface WrapOptions {
	iterations?: number;
	salt?: Uint8Array;
}

/** Wraps a raw content key under a password for one deal (AAD `mapsite:key:<dealId>`). */
export async function wrapContentKey(
	password: string,
	rawContentKey: Uint8Array,
	dealId: string,
	{ iterations = PBKDF2_ITERATIONS, salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES)) }: WrapOptions = {},
): Promise<WrappedContentKey> {
	if (password === '') throw new RangeError('The deal password must not be empty.');
	if (rawContentKey.length !== CONTENT_KEY_BYTES) {
		throw new RangeError(`A content key is ${CONTENT_KEY_BYTES} bytes, got ${rawContentKey.length}.`);
	}
	if (!Number.isSafeInteger(iterations) || iterations < 1) throw new RangeError(`iterations must be a whole number from 1, got ${iterations}.`);
	if (salt.length !== SALT_BYTES) throw new RangeError(`The salt must be ${SALT_BYTES} bytes, got ${salt.length}.`);
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const kek = await deriveKek(password, salt, iterations);
	const wrapped = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: encodeUtf8(`mapsite:key:${dealId}`) },
		kek,
		toBufferSource(rawContentKey),
	);
	return {
		v: 1,
		kdf: 'PBKDF2-SHA256',
		iterations,
		salt: encodeBase64Url(salt),
		iv: encodeBase64Url(iv),
		wrapped: encodeBase64Url(new Uint8Array(wrapped)),
	};
}

/** Unwraps the raw 32-byte content key; throws GateError 'wrong-password' if the password (or deal) is wrong, 'bad-format' if the record is malformed. */
export async function unwrapContentKey(password: string, wrapped: WrappedContentKey, dealId: string): Promise<Uint8Array<ArrayBuffer>> {
	const { salt, iv, sealed } = readWrappedKey(wrapped);
	const kek = await deriveKek(password, salt, wrapped.iterations);
	try {
		const raw = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encodeUtf8(`mapsite:key:${dealId}`) }, kek, sealed);
		return new Uint8Array(raw);
	} catch (cause) {
		throw new GateError('wrong-password', { cause });
	}
}

function readWrappedKey(record: WrappedContentKey): { salt: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer>; sealed: Uint8Array<ArrayBuffer> } {
	// The record arrives over the network in the browser, so nothing about its shape is trusted.
	try {
		if (record.v !== 1 || record.kdf !== 'PBKDF2-SHA256') throw new TypeError('Unknown key record version or KDF.');
		if (!Number.isSafeInteger(record.iterations) || record.iterations < 1) throw new TypeError('Bad iteration count.');
		const salt = decodeBase64Url(record.salt);
		const iv = decodeBase64Url(record.iv);
		const sealed = decodeBase64Url(record.wrapped);
		if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES || sealed.length !== WRAPPED_BYTES) {
			throw new TypeError('Bad field length.');
		}
		return { salt, iv, sealed };
	} catch (cause) {
		throw new GateError('bad-format', { cause });
	}
}

async function deriveKek(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
	// NFC so that the same password typed on macOS, Windows or a phone gives the same bytes.
	const material = await crypto.subtle.importKey('raw', encodeUtf8(password.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: toBufferSource(salt), iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt'],
	);
}
