'use strict';
// The LoyaltyLion Trigger with the API key credential (node version 1.1) in a real n8n: activation
// subscribes through the API with the key, deliveries signed with the site secret (the webhooks overview:
// the signing key of webhooks created with an API key) start the workflow, others are refused, and
// deactivation unsubscribes. Counted in n8n's own executions.
const crypto = require('node:crypto');
const { ensureRuntime } = require('../../scripts/n8n-runtime');
const { freePort, preparedInstance } = require('../../scripts/n8n-instance');
const { startSandbox } = require('../../sandbox');
const { waitFor, login: loginAs, executions: executionsOf } = require('./rest');
const { demoCredentials, loyaltyLionSiteSecret } = require('../../sandbox/demo-credentials');

const OWNER = {
	email: 'apikey-test@n8n-nodes-loyalty.local',
	firstName: 'Key',
	lastName: 'Test',
	password: 'Apikey-test-password-1',
};
const WORKFLOW_ID = 'E2eLlApiKeyWf001';
const WEBHOOK_ID = '0b6f3c2e-7d41-4e8a-9c55-2a1b3c4d5e6f';
const login = () => loginAs(n8n, OWNER);
const executions = () => executionsOf(n8n, cookie, WORKFLOW_ID);
let sim;
let n8n;
let cookie;

beforeAll(async () => {
	const runtime = await ensureRuntime({ log: (line) => process.stdout.write(line + '\n') });
	sim = await startSandbox({ port: 0 });
	const credential = demoCredentials(sim.baseUrl).find((c) => c.id === 'LlApiKeySandbx01');
	const workflow = {
		id: WORKFLOW_ID,
		name: 'LoyaltyLion trigger with an API key (e2e)',
		nodes: [
			{
				id: 'trigger',
				name: 'LoyaltyLion Trigger',
				type: 'n8n-nodes-loyalty.loyaltyLionTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { topics: ['program_events/customer.points_earned'], options: {} },
				credentials: { loyaltyLionApiKeyApi: { id: credential.id, name: credential.name } },
			},
			{
				id: 'noop',
				name: 'Received',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: {
			'LoyaltyLion Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] },
		},
		settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		active: false,
	};
	n8n = await preparedInstance({ runtime, sim, demoCredentials, name: 'webhook-apikey', workflow });
	const port = await freePort();
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
	const [subscription] = [...sim.instances.loyaltylion.state.webhooks.values()];
	expect(subscription.topic).toBe('program_events/customer.points_earned');
	expect(subscription.address).toMatch(new RegExp(`/webhook/${WEBHOOK_ID}/webhook$`));
	// The subscription was created with the key (the simulator records who created it).
	const created = sim.stats.log.find((r) => r.route === '/v2/webhooks' && r.method === 'POST');
	expect(created.headers.authorization).toMatch(/^Bearer pat_/);

	const genuine = await sim.instances.loyaltylion.deliver('program_events/customer.points_earned', {
		customer: { merchant_id: 'cust-9' },
		points: 5,
	});
	expect(genuine.results.map((r) => r.status)).toEqual([200]);
	await waitFor(async () => (await executions()).length >= 1, 'one execution');

	const forged = JSON.stringify({
		id: 'evt_forged',
		topic: 'program_events/customer.points_earned',
		created_at: new Date().toISOString(),
		payload: { properties: { points: 1000000 } },
	});
	const signature = crypto
		.createHmac('sha256', 'not-the-site-secret')
		.update(forged)
		.digest('base64');
	const answer = await fetch(subscription.address, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'x-loyaltylion-hmac-sha256': signature },
		body: forged,
	});
	expect(answer.status).toBe(401);
	expect(loyaltyLionSiteSecret).toBeTruthy();
	await new Promise((r) => setTimeout(r, 1500));
	const runs = await executions();
	expect(runs).toHaveLength(1);
	expect(runs[0].status).toBe('success');
});
