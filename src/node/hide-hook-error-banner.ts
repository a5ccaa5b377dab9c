/**
 * Astro logs "An unhandled error occurred while running the "astro:…" hook" before it rethrows an
 * integration's error. mapsite's integrations throw messages written for people (file, field,
 * value, fix), which the scripts print themselves; the extra line only makes a rep's typo read
 * like a crash. Scripts that run Astro call this once.
 */

const BANNER = /An unhandled error occurred while running the .*hook/;

/** Drops Astro's hook-error banner from `stream` (process.stderr by default); returns a function that restores it. */
export function hideHookErrorBanner(stream: NodeJS.WriteStream = process.stderr): () => void {
	const write = stream.write.bind(stream);
	stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		if (BANNER.test(text)) return true;
		return write(chunk, ...rest);
	}) as NodeJS.WriteStream['write'];
	return () => {
		stream.write = write;
	};
}
