/** Serves a fetch-style handler with node:http: IncomingMessage to Request and Response back, bodies streamed. */

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

const socketAddresses = new WeakMap<Request, string>();

/** The TCP peer address of a Request made by this adapter ('unknown' otherwise); trust it when no proxy sits in front. */
export function getSocketAddress(request: Request): string {
	return socketAddresses.get(request) ?? 'unknown';
}

function toBodyStream(incoming: IncomingMessage): ReadableStream<Uint8Array> {
	let isCancelled = false;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			incoming.on('data', (chunk: Buffer) => {
				if (isCancelled) return;
				controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
				if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
			});
			incoming.on('end', () => {
				if (!isCancelled) controller.close();
			});
			incoming.on('error', (error) => {
				if (!isCancelled) controller.error(error);
			});
		},
		pull() {
			incoming.resume();
		},
		cancel() {
			// Drain rather than destroy, so the client still receives the answer (such as 413) on an open socket.
			isCancelled = true;
			incoming.resume();
		},
	});
}

/** Turns a node:http request into a fetch Request; the body is streamed, never buffered here. */
export function toFetchRequest(incoming: IncomingMessage): Request {
	const headers = new Headers();
	for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
		headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
	}
	const method = incoming.method ?? 'GET';
	const hasBody = method !== 'GET' && method !== 'HEAD';
	// The host header is client-controlled, and the handler never looks at the URL's host, so a fixed one is used.
	const init: RequestInit & { duplex?: 'half' } = {
		method,
		headers,
		body: hasBody ? toBodyStream(incoming) : null,
		duplex: 'half',
	};
	const request = new Request(new URL(incoming.url ?? '/', 'http://localhost'), init);
	socketAddresses.set(request, incoming.socket.remoteAddress ?? 'unknown');
	return request;
}

/** Writes a fetch Response to a node:http response, streaming its body. */
export async function sendFetchResponse(response: Response, outgoing: ServerResponse): Promise<void> {
	const headers: Record<string, string | string[]> = {};
	response.headers.forEach((value, name) => {
		if (name !== 'set-cookie') headers[name] = value;
	});
	const cookies = response.headers.getSetCookie();
	if (cookies.length > 0) headers['set-cookie'] = cookies;
	outgoing.writeHead(response.status, headers);
	if (response.body !== null) {
		for await (const chunk of response.body) outgoing.write(chunk);
	}
	outgoing.end();
}

/** Wraps a fetch handler as a node:http request listener; a handler that throws answers 500 without details. */
export function createNodeListener(handler: (request: Request) => Promise<Response>): RequestListener {
	return (incoming, outgoing) => {
		const respond = async () => {
			const request = toFetchRequest(incoming);
			let response: Response;
			try {
				response = await handler(request);
			} catch {
				response = new Response(JSON.stringify({ error: 'The relay failed unexpectedly.' }), {
					status: 500,
					headers: { 'content-type': 'application/json; charset=utf-8' },
				});
			}
			// Whatever the handler left unread is drained, not buffered, so that the connection stays usable.
			if (request.body !== null && !request.body.locked) await request.body.cancel().catch(() => {});
			incoming.resume();
			await sendFetchResponse(response, outgoing);
		};
		respond().catch(() => outgoing.destroy());
	};
}
