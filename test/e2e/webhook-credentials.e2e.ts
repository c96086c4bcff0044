/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- an end-to-end test that drives a real n8n process, never loaded by n8n */
// The LoyaltyLion Trigger with the API key and the OAuth2 partner-app credentials (node version 1.1) in a
// real n8n: activation subscribes through the API with the key (or the partner app's token, connected
// through n8n's own OAuth2 flow), deliveries signed with the site secret (API key) or the app's client
// secret (OAuth) start the workflow, others are refused. Counted in n8n's own executions. (The
// token-and-secret credential's trigger runs in webhook.e2e.ts.)
import * as crypto from 'node:crypto';
import {
	ensureRuntime,
	freePort,
	preparedInstance,
	startSandbox,
	demoCredentials,
	loyaltyLionSiteSecret,
	must,
	type N8nInstance,
	type Simulator,
} from './harness';
import {
	waitFor,
	login as loginAs,
	executions as executionsOf,
	loyaltyLionTriggerWorkflow,
	type N8nJson,
} from './rest';

const OWNER = {
	email: 'apikey-test@n8n-nodes-loyalty.local',
	firstName: 'Key',
	lastName: 'Test',
	password: 'Apikey-test-password-1',
};
const WORKFLOW_ID = 'E2eLlApiKeyWf001';
const WEBHOOK_ID = '0b6f3c2e-7d41-4e8a-9c55-2a1b3c4d5e6f';
const OAUTH_WORKFLOW_ID = 'E2eLlOAuthWf0001';
const OAUTH_WEBHOOK_ID = '5d2c7a10-3e9b-4f6d-8a21-9c0b1d2e3f40';
const OAUTH_TOPIC = 'program_events/customer.enrolled';
const login = () => loginAs(n8n, OWNER);
const executions = (id = WORKFLOW_ID) => executionsOf(n8n, cookie, id);

/** A trigger workflow of node version 1.1 on one topic. */
const triggerWorkflow = ({
	topic,
	...rest
}: Omit<Parameters<typeof loyaltyLionTriggerWorkflow>[0], 'topics' | 'typeVersion'> & {
	topic: string;
}) => loyaltyLionTriggerWorkflow({ ...rest, topics: [topic], typeVersion: 1.1 });

/** A delivery signed with `secret` (LoyaltyLion's header: base64 HMAC-SHA256 of the raw body). */
async function post(address: string, secret: string, topic: string): Promise<Response> {
	const body = JSON.stringify({
		id: `evt_forged_${Date.now()}`,
		topic,
		created_at: new Date().toISOString(),
		payload: { properties: { points: 1000000 } },
	});
	const signature = crypto.createHmac('sha256', secret).update(body).digest('base64');
	return await fetch(address, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'x-loyaltylion-hmac-sha256': signature },
		body,
	});
}
let sim: Simulator;
let n8n: N8nInstance;
let cookie: string;
let port: number;

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line: string) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const credential = must(
		demoCredentials(sim.baseUrl).find((c) => c.id === 'LlApiKeySandbx01'),
		'the API key demo credential',
	);
	const partner = must(
		demoCredentials(sim.baseUrl).find((c) => c.id === 'LlPartnerSandbx1'),
		'the partner-app demo credential',
	);
	const workflows = [
		triggerWorkflow({
			id: WORKFLOW_ID,
			name: 'LoyaltyLion trigger with an API key (e2e)',
			webhookId: WEBHOOK_ID,
			topic: 'program_events/customer.points_earned',
			authentication: 'apiKey',
			type: 'loyaltyLionApiKeyApi',
			credential,
		}),
		// Active from the start, it cannot subscribe until the partner app is connected (below).
		triggerWorkflow({
			id: OAUTH_WORKFLOW_ID,
			name: 'LoyaltyLion trigger with the partner app (e2e)',
			webhookId: OAUTH_WEBHOOK_ID,
			topic: OAUTH_TOPIC,
			authentication: 'oAuth2',
			type: 'loyaltyLionOAuth2Api',
			credential: partner,
		}),
	];
	n8n = await preparedInstance({
		runtime,
		sim,
		demoCredentials,
		name: 'webhook-credentials',
		workflows,
	});
	port = await freePort();
	await n8n.start({ port, env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	cookie = await login();
	await waitFor(
		() => sim.instances.loyaltylion.state.webhooks.size > 0,
		'the trigger to subscribe in LoyaltyLion',
	);
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	await sim?.stop();
});

test('subscribed with the API key; deliveries signed with the site secret run the workflow, others are refused', async () => {
	const [subscription] = [...sim.instances.loyaltylion.state.webhooks.values()].filter(
		(w) => w.topic !== OAUTH_TOPIC,
	);
	expect(subscription.topic).toBe('program_events/customer.points_earned');
	expect(subscription.address).toMatch(new RegExp(`/webhook/${WEBHOOK_ID}/webhook$`));
	// The subscription was created with the key (the simulator records who created it).
	const created = sim.stats.log.find((r) => r.route === '/v2/webhooks' && r.method === 'POST');
	expect(created?.headers.authorization).toMatch(/^Bearer pat_/);

	const genuine = await sim.instances.loyaltylion.deliver('program_events/customer.points_earned', {
		customer: { merchant_id: 'cust-9' },
		points: 5,
	});
	expect(genuine.results.map((r: { status: number }) => r.status)).toEqual([200]);
	await waitFor(async () => (await executions()).length >= 1, 'one execution');

	const answer = await post(
		subscription.address,
		'not-the-site-secret',
		'program_events/customer.points_earned',
	);
	expect(answer.status).toBe(401);
	expect(loyaltyLionSiteSecret).toBeTruthy();
	await new Promise((r) => setTimeout(r, 1500));
	const runs = await executions();
	expect(runs).toHaveLength(1);
	expect(runs[0].status).toBe('success');
});

test("the partner app connected through n8n's OAuth2 flow: after a restart the trigger subscribes with its token; deliveries signed with the client secret run the workflow, the site secret's are refused", async () => {
	const webhooks = () =>
		[...sim.instances.loyaltylion.state.webhooks.values()].filter((w) => w.topic === OAUTH_TOPIC);
	expect(webhooks()).toEqual([]);
	// "Connect my account": n8n builds the authorize URL, LoyaltyLion (the simulator) approves and redirects
	// to n8n's callback, which exchanges the code and stores the token on the credential.
	const auth = await fetch(`${n8n.url}/rest/oauth2-credential/auth?id=LlPartnerSandbx1`, {
		headers: { cookie },
	});
	expect(auth.status).toBe(200);
	const binding = (auth.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]);
	const authorizeUrl = new URL(((await auth.json()) as { data: N8nJson }).data);
	expect(authorizeUrl.searchParams.get('scope')).toBe(
		'read_customers,write_customers,read_orders,write_orders',
	);
	const approved = await fetch(authorizeUrl, { redirect: 'manual' });
	expect(approved.status).toBe(302);
	const callback = await fetch(must(approved.headers.get('location'), 'the redirect to n8n'), {
		headers: { cookie: [cookie, ...binding].join('; ') },
		redirect: 'manual',
	});
	expect(callback.status).toBe(200);
	expect(sim.instances.loyaltylion.state.tokens.size).toBe(1);

	await n8n.stop();
	await n8n.start({ port, env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	cookie = await login();
	// waitFor answers only what is truthy, which its type does not say: must() does.
	const [subscription] = must(
		await waitFor(
			() => (webhooks().length ? webhooks() : undefined),
			'the partner-app trigger to subscribe',
			60_000,
		),
		'the partner-app subscription',
	);
	const created = sim.stats.log.filter((r) => r.route === '/v2/webhooks' && r.method === 'POST');
	const token = [...sim.instances.loyaltylion.state.tokens.keys()][0];
	expect(created.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);

	const genuine = await sim.instances.loyaltylion.deliver(OAUTH_TOPIC, {
		customer: { merchant_id: 'cust-9' },
	});
	expect(genuine.results.map((r: { status: number }) => r.status)).toEqual([200]);
	await waitFor(
		async () => (await executions(OAUTH_WORKFLOW_ID)).length >= 1,
		'one partner-app execution',
	);
	const refused = await post(subscription.address, loyaltyLionSiteSecret, OAUTH_TOPIC);
	expect(refused.status).toBe(401);
	await new Promise((r) => setTimeout(r, 1500));
	const runs = await executions(OAUTH_WORKFLOW_ID);
	expect(runs).toHaveLength(1);
	expect(runs[0].status).toBe('success');
});
