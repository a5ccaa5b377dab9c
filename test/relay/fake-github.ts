/** A tiny stand-in for GitHub's REST API on 127.0.0.1: just POST /repos/:owner/:repo/issues, enough for real Octokit. */
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
	failWith(status: 500 | 403 | undefined): void;
	/** Forgets the issues received, numbers from 1 again and stops failing. */
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
	let failure: 500 | 403 | undefined;
	let nextNumber = 1;

	const server: Server = createServer(async (request, response) => {
		const send = (status: number, data: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			response.end(JSON.stringify(data));
		};
		const match = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(request.url ?? '');
		if (request.method !== 'POST' || match === null) return send(404, { message: 'Not Found' });
		if (request.headers.authorization !== `token ${FAKE_GITHUB_TOKEN}`) return send(401, { message: 'Bad credentials' });
		if (!request.headers['content-type']?.startsWith('application/json')) return send(415, { message: 'Unsupported Media Type' });
		let data: { title?: unknown; body?: unknown; labels?: unknown };
		try {
			data = JSON.parse(await readText(request));
		} catch {
			return send(400, { message: 'Problems parsing JSON' });
		}
		if (failure === 500) return send(500, { message: 'Server Error' });
		if (failure === 403) return send(403, { message: 'Resource not accessible by integration' });
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
		failWith(status) {
			failure = status;
		},
		reset() {
			issues.length = 0;
			failure = undefined;
			nextNumber = 1;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
