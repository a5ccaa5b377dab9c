/** The repository-settings part of the fake GitHub: labels, Actions secrets and variables, Actions permissions. */
import type { IncomingMessage } from 'node:http';

/** What the fake holds about the repository's settings; tests change it directly. */
export interface FakeRepoSettings {
	labels: { name: string; color: string; description: string }[];
	/** Names of Actions secrets (GitHub never shows values). */
	secrets: string[];
	variables: Record<string, string>;
	isActionsEnabled: boolean;
	defaultWorkflowPermissions: 'read' | 'write';
	canApprovePullRequestReviews: boolean;
}

/** A repository as GitHub creates it: its default labels, no secrets or variables, read-only workflows that may not open pull requests. */
export function createFakeRepoSettings(): FakeRepoSettings {
	return {
		labels: [
			{ name: 'bug', color: 'd73a4a', description: "Something isn't working" },
			{ name: 'documentation', color: '0075ca', description: 'Improvements or additions to documentation' },
		],
		secrets: [],
		variables: {},
		isActionsEnabled: true,
		defaultWorkflowPermissions: 'read',
		canApprovePullRequestReviews: false,
	};
}

type Send = (status: number, data: unknown, headers?: Record<string, string>) => void;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
	let text = '';
	for await (const chunk of request) text += chunk;
	return JSON.parse(text || '{}') as Record<string, unknown>;
}

/** Answers a settings request and returns true, or returns false for any other path. */
export async function answerSettingsRequest(settings: FakeRepoSettings, method: string, address: URL, request: IncomingMessage, send: Send): Promise<boolean> {
	const match = /^\/repos\/[^/]+\/[^/]+\/(labels|actions\/secrets|actions\/variables|actions\/permissions|actions\/permissions\/workflow)$/.exec(address.pathname);
	if (!match) return false;
	const path = match[1];
	if (path === 'labels' && method === 'GET') {
		const perPage = Number(address.searchParams.get('per_page') ?? 30);
		const page = Number(address.searchParams.get('page') ?? 1);
		const last = Math.max(1, Math.ceil(settings.labels.length / perPage));
		const next = new URL(address);
		next.searchParams.set('page', String(page + 1));
		send(200, settings.labels.slice((page - 1) * perPage, page * perPage), page < last ? { link: `<${next}>; rel="next"` } : {});
	} else if (path === 'labels' && method === 'POST') {
		const body = await readJson(request);
		const name = String(body.name ?? '');
		if (settings.labels.some((label) => label.name.toLowerCase() === name.toLowerCase())) {
			send(422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
		} else {
			const label = { name, color: String(body.color ?? 'ededed'), description: String(body.description ?? '') };
			settings.labels.push(label);
			send(201, label);
		}
	} else if (path === 'actions/secrets' && method === 'GET') {
		send(200, { total_count: settings.secrets.length, secrets: settings.secrets.map((name) => ({ name, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })) });
	} else if (path === 'actions/variables' && method === 'GET') {
		const variables = Object.entries(settings.variables).map(([name, value]) => ({ name, value, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }));
		send(200, { total_count: variables.length, variables });
	} else if (path === 'actions/permissions' && method === 'GET') {
		send(200, { enabled: settings.isActionsEnabled, allowed_actions: 'all' });
	} else if (path === 'actions/permissions/workflow' && method === 'GET') {
		send(200, { default_workflow_permissions: settings.defaultWorkflowPermissions, can_approve_pull_request_reviews: settings.canApprovePullRequestReviews });
	} else {
		send(404, { message: 'Not Found' });
	}
	return true;
}
