/**
 * A tiny stand-in for GitHub's REST API on 127.0.0.1, enough for the relay through real Octokit:
 * POST /repos/:owner/:repo/issues, and GET /repos/:owner/:repo/contents/:path for the plans it holds.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One issue the fake received, as parsed from the request. */
export interface ReceivedIssue {
	owner: string;
	repo: string;
	title: string;
	body: string;
	labels: string[];
}

/** A running fake: its base URL, what it received, and a switch to make it fail. */
export interface FakeGitHub {
	url: string;
	issues: ReceivedIssue[];
	/** Files of the repository by path (e.g. `plans/northwind.mdx`), served by the contents API. */
	files: Map<string, string>;
	/** Every request, as `METHOD /path`. */
	requests: string[];
	/** Fails issue creation (or, with `on: 'contents'`, reading files) with `status` until called with undefined. */
	failWith(status: 500 | 403 | undefined, on?: 'issues' | 'contents'): void;
	/** Forgets the issues received and the requests seen, numbers from 1 again and stops failing (files stay). */
	reset(): void;
	close(): Promise<void>;
}

/** The token the fake accepts; anything else is answered 401 as GitHub would. */
export const FAKE_GITHUB_TOKEN = 'test';

async function readText(request: IncomingMessage): Promise<string> {
	let text = '';
	for await (const chunk of request) text += chunk;
	return text;
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
	const issues: ReceivedIssue[] = [];
	const files = new Map<string, string>();
	const requests: string[] = [];
	let failure: 500 | 403 | undefined;
	let failureOn: 'issues' | 'contents' = 'issues';
	let nextNumber = 1;

	const server: Server = createServer(async (request, response) => {
		const send = (status: number, data: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			response.end(JSON.stringify(data));
		};
		requests.push(`${request.method} ${request.url}`);
		if (request.headers.authorization !== `token ${FAKE_GITHUB_TOKEN}`) return send(401, { message: 'Bad credentials' });
		const content = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(request.url ?? '');
		if (request.method === 'GET' && content !== null) {
			if (failure !== undefined && failureOn === 'contents') return send(failure, { message: 'Server Error' });
			const text = files.get(decodeURIComponent(content[1]!));
			if (text === undefined) return send(404, { message: 'Not Found' });
			if (!String(request.headers.accept).includes('raw')) return send(406, { message: 'This fake serves the raw media type only' });
			response.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
			return response.end(text);
		}
		const match = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(request.url ?? '');
		if (request.method !== 'POST' || match === null) return send(404, { message: 'Not Found' });
		if (!request.headers['content-type']?.startsWith('application/json')) return send(415, { message: 'Unsupported Media Type' });
		let data: { title?: unknown; body?: unknown; labels?: unknown };
		try {
			data = JSON.parse(await readText(request));
		} catch {
			return send(400, { message: 'Problems parsing JSON' });
		}
		if (failureOn === 'issues' && failure === 500) return send(500, { message: 'Server Error' });
		if (failureOn === 'issues' && failure === 403) return send(403, { message: 'Resource not accessible by integration' });
		if (typeof data.title !== 'string' || typeof data.body !== 'string' || !Array.isArray(data.labels)) {
			return send(422, { message: 'Validation Failed' });
		}
		const [, owner = '', repo = ''] = match;
		issues.push({ owner, repo, title: data.title, body: data.body, labels: data.labels as string[] });
		const number = nextNumber++;
		send(201, { number, html_url: `https://github.com/${owner}/${repo}/issues/${number}`, title: data.title });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		issues,
		files,
		requests,
		failWith(status, on = 'issues') {
			failure = status;
			failureOn = on;
		},
		reset() {
			issues.length = 0;
			requests.length = 0;
			failure = undefined;
			failureOn = 'issues';
			nextNumber = 1;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
