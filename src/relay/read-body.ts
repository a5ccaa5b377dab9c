/** Reads a request body with a hard byte cap, whether or not the client sent Content-Length. */

/** The body's bytes, or the news that it is larger than allowed. */
export type BodyResult = { isTooLarge: false; bytes: Uint8Array } | { isTooLarge: true };

/** Reads at most `maxBytes` of `request`'s body; stops reading (and cancels the stream) as soon as it goes over. */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<BodyResult> {
	const declared = request.headers.get('content-length');
	// A declared length is only a hint for refusing early; the count below is what is enforced.
	if (declared !== null && Number(declared) > maxBytes) {
		await request.body?.cancel().catch(() => {});
		return { isTooLarge: true };
	}
	if (request.body === null) return { isTooLarge: false, bytes: new Uint8Array(0) };

	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel().catch(() => {});
			return { isTooLarge: true };
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return { isTooLarge: false, bytes };
}
