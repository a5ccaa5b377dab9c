/** Crypto for the password gate, shared by the build (Node) and the browser: WebCrypto only. */

export * from './build-id.ts';
export * from './compress.ts';
export * from './content-key.ts';
export * from './deal-id.ts';
export * from './encoding.ts';
export * from './file-cipher.ts';
export * from './gate-error.ts';
export * from './key-wrap.ts';
export * from './padding.ts';
export * from './share-link.ts';
