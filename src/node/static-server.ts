/** A small static file server for a built site, for `npm run demo` and the browser tests. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ics': 'text/calendar; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.enc': 'application/octet-stream',
};

async function findFile(root: string, urlPath: string): Promise<string | undefined> {
	const decoded = decodeURIComponent(urlPath.split('?')[0]);
	const path = normalize(join(root, decoded));
	if (path !== root && !path.startsWith(root + sep)) return undefined;
	for (const candidate of [path, join(path, 'index.html')]) {
		const info = await stat(candidate).catch(() => undefined);
		if (info?.isFile()) return candidate;
	}
	return undefined;
}

/** Serves `root` on 127.0.0.1 (a secure context for WebCrypto); resolves with the server and its base URL. */
export async function serveStatic(root: string, port = 0): Promise<{ server: Server; url: string }> {
	const server = createServer(async (request, response) => {
		const file = await findFile(root, request.url ?? '/');
		const headers = { 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' };
		if (!file) {
			const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
			response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] }).end(notFound);
			return;
		}
		response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return { server, url: `http://localhost:${actualPort}` };
}
