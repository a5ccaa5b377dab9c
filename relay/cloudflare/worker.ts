/**
 * The feedback relay on Cloudflare Workers. Deploy with `npx wrangler deploy -c relay/cloudflare/wrangler.toml`
 * after `npx wrangler secret put MAP_RELAY_SECRET` and `GITHUB_TOKEN`; see docs/feedback.md.
 */
import template from '../../.github/ISSUE_TEMPLATE/plan-feedback.yml';
import { readCloudflareAddress } from '../../src/relay/client-address.ts';
import { createLazyRelay } from '../../src/relay/relay-from-env.ts';

let environment: Record<string, string | undefined> = {};
const relay = createLazyRelay(
	() => environment,
	() => ({ template, getClientAddress: readCloudflareAddress }),
);

export default {
	fetch(request: Request, env: Record<string, string | undefined>): Promise<Response> {
		// Workers hand variables and secrets to each request rather than to process.env; they are the same on every one.
		environment = env;
		return relay(request);
	},
};
