/** The password gate's pure parts: shell HTML, manifest, labels and retry policy. */

export * from './escape-html.ts';
export * from './labels.ts';
export * from './manifest.ts';
export * from './retry-delay.ts';
export * from './shell.ts';
export * from './share-meta.ts';
export * from './content-security-policy.ts';
