/**
 * The feedback relay as a Vercel Function at /api/feedback (deploy relay/vercel as the project's root
 * directory, or copy api/ and vercel.json to it). Set the variables in the project's settings.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createForwardedAddressReader } from '../../../src/relay/client-address.ts';
import { createLazyRelay } from '../../../src/relay/relay-from-env.ts';

const relay = createLazyRelay(
	() => process.env,
	async () => ({
		// vercel.json's includeFiles ships the template with the function.
		template: await readFile(join(process.cwd(), '.github/ISSUE_TEMPLATE/plan-feedback.yml'), 'utf8'),
		// Vercel replaces X-Forwarded-For with the address it saw, so its one entry is the client's.
		getClientAddress: createForwardedAddressReader(1),
	}),
);

export default {
	fetch(request: Request): Promise<Response> {
		return relay(request);
	},
};
