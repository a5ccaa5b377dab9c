/** A stand-in for GitHub's issues REST API on 127.0.0.1, rich enough for the real Octokit and the feedback merge. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerSettingsRequest, createFakeRepoSettings, type FakeRepoSettings } from './fake-github-settings.ts';

/** One issue (or pull request) the fake holds. */
export interface FakeIssue {
	number: number;
	title: string;
	body: string;
	author: string;
	createdAt: string;
	labels: string[];
	state: 'open' | 'closed';
	stateReason?: string;
	isPullRequest?: boolean;
	comments: string[];
}

/** A failure to answer with, for requests `when` picks (all by default). */
export interface FakeFailure {
	status: number;
	headers?: Record<string, string>;
	message?: string;
	when?: (request: { method: string; path: string }) => boolean;
}

/** A running fake: its URL, its issues, the requests it saw, and a switch to make it fail. */
export interface FakeGitHub {
	url: string;
	issues: FakeIssue[];
	requests: string[];
	/** Labels, Actions secrets, variables and permissions (test/github/fake-github-settings.ts). */
	settings: FakeRepoSettings;
	/** Files of the repository by path (e.g. `plans/northwind.mdx`), served raw by the contents API (the relay's key-version check). */
	files: Map<string, string>;
	addIssue(issue: Partial<FakeIssue> & { number: number }): FakeIssue;
	failWith(failure: FakeFailure | undefined): void;
	close(): Promise<void>;
}

/** The token the fake accepts; anything else is answered 401. */
export const FAKE_GITHUB_TOKEN = 'test';

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
	let text = '';
	for await (const chunk of request) text += chunk;
	return JSON.parse(text || '{}') as Record<string, unknown>;
}

function toApiIssue(issue: FakeIssue) {
	return {
		number: issue.number,
		title: issue.title,
		body: issue.body,
		user: { login: issue.author },
		created_at: `${issue.createdAt}T09:30:00Z`,
		labels: issue.labels.map((name) => ({ name })),
		state: issue.state,
		state_reason: issue.stateReason ?? null,
		...(issue.isPullRequest ? { pull_request: { url: 'https://example.invalid/pull' } } : {}),
	};
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
	const issues: FakeIssue[] = [];
	const requests: string[] = [];
	const settings = createFakeRepoSettings();
	const files = new Map<string, string>();
	let failure: FakeFailure | undefined;
	let url = '';

	const server: Server = createServer(async (request, response) => {
		const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
			response.end(JSON.stringify(data));
		};
		const address = new URL(request.url ?? '/', url);
		const method = request.method ?? 'GET';
		requests.push(`${method} ${address.pathname}${address.search}`);
		if (request.headers.authorization !== `token ${FAKE_GITHUB_TOKEN}`) return send(401, { message: 'Bad credentials' });
		if (failure && (failure.when?.({ method, path: address.pathname }) ?? true)) {
			return send(failure.status, { message: failure.message ?? 'Failure' }, failure.headers);
		}
		if (await answerSettingsRequest(settings, method, address, request, send)) return;
		const content = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(address.pathname);
		if (content && method === 'GET') {
			const text = files.get(decodeURIComponent(content[1]!));
			if (text === undefined || !String(request.headers.accept).includes('raw')) return send(404, { message: 'Not Found' });
			response.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
			return void response.end(text);
		}
		const list = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(address.pathname);
		if (list && method === 'POST') {
			// As the relay's bot account files it.
			const data = await readJson(request);
			const number = Math.max(0, ...issues.map((issue) => issue.number)) + 1;
			const labels = Array.isArray(data.labels) ? (data.labels as string[]) : [];
			issues.push({ number, title: String(data.title), body: String(data.body ?? ''), author: 'relay-bot', createdAt: new Date().toISOString().slice(0, 10), labels, state: 'open', comments: [] });
			return send(201, { number, html_url: `https://github.com/${list[1]}/${list[2]}/issues/${number}` });
		}
		const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)(\/comments|\/labels)?$/.exec(address.pathname);
		if (list && method === 'GET') {
			const state = address.searchParams.get('state') ?? 'open';
			const labels = (address.searchParams.get('labels') ?? '').split(',').filter(Boolean);
			const perPage = Number(address.searchParams.get('per_page') ?? 30);
			const page = Number(address.searchParams.get('page') ?? 1);
			const matching = issues.filter(
				(issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.includes(label)),
			);
			const last = Math.max(1, Math.ceil(matching.length / perPage));
			const link = (n: number) => {
				const next = new URL(address);
				next.searchParams.set('page', String(n));
				return next.toString();
			};
			const links: Record<string, string> = page < last ? { link: `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"` } : {};
			return send(200, matching.slice((page - 1) * perPage, page * perPage).map(toApiIssue), links);
		}
		const issue = one ? issues.find((candidate) => candidate.number === Number(one[3])) : undefined;
		if (!one || !issue) return send(404, { message: 'Not Found' });
		const body = method === 'GET' ? {} : await readJson(request);
		if (one[4] === '/comments' && method === 'GET') {
			return send(200, issue.comments.map((text, index) => ({ id: index + 1, body: text })));
		}
		if (one[4] === '/comments' && method === 'POST') {
			issue.comments.push(String(body.body));
			return send(201, { id: issue.comments.length, body: body.body });
		}
		if (one[4] === '/labels' && method === 'POST') {
			for (const label of body.labels as string[]) if (!issue.labels.includes(label)) issue.labels.push(label);
			return send(200, issue.labels.map((name) => ({ name })));
		}
		if (one[4] === undefined && method === 'PATCH') {
			if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
			if (typeof body.state_reason === 'string') issue.stateReason = body.state_reason;
			return send(200, toApiIssue(issue));
		}
		return send(404, { message: 'Not Found' });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		issues,
		requests,
		settings,
		files,
		addIssue(fields) {
			const issue: FakeIssue = {
				title: `[feedback] #${fields.number}`,
				body: '',
				author: 'relay-bot',
				createdAt: '2026-05-04',
				labels: ['plan-feedback'],
				state: 'open',
				comments: [],
				...fields,
			};
			issues.push(issue);
			return issue;
		},
		failWith(next) {
			failure = next;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
