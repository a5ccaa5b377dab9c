/**
 * The feedback relay as a Netlify Function, served at /api/feedback. Copy netlify.toml's `[functions]` lines
 * (relay/netlify/netlify.toml) into the site's netlify.toml and set the variables in the site's settings.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLazyRelay } from '../../../src/relay/relay-from-env.ts';

/** The part of Netlify's context the relay reads: the client address its edge saw. */
interface NetlifyContext {
	ip?: string;
}

let clientAddresses = new WeakMap<Request, string>();
const relay = createLazyRelay(
	() => process.env,
	async () => ({
		// netlify.toml's included_files ships the template beside the function; paths are from the site's base directory.
		template: await readFile(join(process.cwd(), '.github/ISSUE_TEMPLATE/plan-feedback.yml'), 'utf8'),
		getClientAddress: (request: Request) => clientAddresses.get(request) ?? 'unknown',
	}),
);

export default function feedback(request: Request, context: NetlifyContext = {}): Promise<Response> {
	if (context.ip) clientAddresses.set(request, context.ip);
	return relay(request);
}

export const config = { path: '/api/feedback' };
