// Flow control per credential (nodes/shared/flow/flow.ts) and ordering per record (nodes/shared/execution/router.ts), through
// the n8n engine against the simulator with a network latency and rate limits. Nothing here asserts a
// duration: the counts (writes applied, 429s, arrival order) are what must hold on any machine.
import type { IDataObject, INodeParameters, IPairedItemData } from 'n8n-workflow';
import type * as FlowModule from '../nodes/shared/flow/flow';
import { Engine, useSandbox } from './harness';
import { requireFromRoot } from './harness/root';

// The built module the engine's nodes use (dist/), so its flows are the ones the runs went through.
const { adaptiveFlows } = requireFromRoot<typeof FlowModule>(
	'dist',
	'nodes',
	'shared',
	'flow',
	'flow',
);

const box = useSandbox({ loyalistic: { contacts: 50 } });
afterEach(() => box.sim.network.set({ latencyMs: 0, rateLimits: {} }));

const loyalisticState = () => box.sim.instances.loyalistic.state;
const loyaltyLionState = () => box.sim.instances.loyaltylion.state;

function loyalistic(data: IDataObject = {}) {
	const engine = new Engine();
	const credentials = engine.addCredential('lyl-flow', 'loyalisticOAuth2Api', {
		apiBaseUrl: `${box.sim.baseUrl('loyalistic')}/v1`,
		accessTokenUrl: `${box.sim.baseUrl('loyalistic')}/token`,
		clientId: 'loyalistic-demo-client',
		clientSecret: 'loyalistic-demo-secret',
		...data,
	});
	return (parameters: INodeParameters, items?: IDataObject[]) =>
		engine.runNode({ type: 'loyalistic', credentials, parameters, items });
}

function loyaltyLion() {
	const engine = new Engine();
	const credentials = engine.addCredential('ll-flow', 'loyaltyLionApi', {
		token: 'll-demo-token',
		secret: 'll-demo-site-secret',
		apiBaseUrl: `${box.sim.baseUrl('loyaltylion')}/v2`,
	});
	return (parameters: INodeParameters, items?: IDataObject[]) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			parameters: { authentication: 'apiToken', ...parameters },
			items,
		});
}

const activities = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ contact: String((i % 50) + 1), tag: `flow-${i}` }));
const recordActivity = {
	resource: 'activity',
	operation: 'create',
	contactId: '={{ $json.contact }}',
	type: '={{ $json.tag }}',
};

describe('requests per credential: a documented rate kept, an undisclosed one found', () => {
	test('an undisclosed limit is found: every write applied exactly once, few 429s, the rate settles near the limit', async () => {
		box.sim.network.set({ latencyMs: 10, rateLimits: { loyalistic: 40 } });
		const run = loyalistic();
		const input = activities(400);
		const { items, error } = await run(recordActivity, input);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.type)).toEqual(input.map((i) => i.tag));
		// Exactly once: each tag is in the simulator once, nothing lost, nothing doubled by a retried 429.
		const stored = loyalisticState()
			.activities.filter((a) => String(a.type).startsWith('flow-'))
			.map((a) => a.type);
		expect(stored.sort()).toEqual(input.map((i) => i.tag).sort());
		const throttled = box.sim.stats.status('loyalistic', 429);
		// The limit was reached (the flow had to find it) but rarely crossed.
		expect(throttled).toBeGreaterThan(0);
		expect(throttled).toBeLessThanOrEqual(0.05 * input.length);
		const [flow] = Object.values(adaptiveFlows());
		expect(flow.throttled).toBe(throttled);
		expect(flow.rate).toBeGreaterThan(0.5 * 40);
		expect(flow.rate).toBeLessThanOrEqual(1.2 * 40);
	});

	test('the ceiling set on the credential is never exceeded, and with it no 429 is provoked', async () => {
		box.sim.network.set({ latencyMs: 5, rateLimits: { loyalistic: 20 } });
		const run = loyalistic({ maxRequestsPerSecond: 15 });
		const input = activities(60);
		const { error } = await run(recordActivity, input);
		expect(error).toBeUndefined();
		expect(box.sim.stats.status('loyalistic', 429)).toBe(0);
		// No second of the run held more than 15 requests, as the simulator saw them arrive.
		const arrivals = box.sim.stats.log
			.filter((r) => r.provider === 'loyalistic' && r.route === '/v1/contacts/:id/activities')
			.map((r) => r.at);
		expect(arrivals).toHaveLength(60);
		for (const t of arrivals)
			expect(arrivals.filter((u) => u >= t && u - t < 1000).length).toBeLessThanOrEqual(15);
	});

	test("LoyaltyLion's documented 20 per second is kept: several items in flight, no 429", async () => {
		box.sim.network.set({ latencyMs: 20 });
		const run = loyaltyLion();
		const customer = loyaltyLionState().byMerchantId.get('cust-7');
		if (!customer) throw new Error('the simulator has no customer cust-7');
		const before = customer.points_approved;
		const { error } = await run(
			{
				resource: 'points',
				operation: 'add',
				merchantId: '={{ $json.id }}',
				points: 1,
				reason: 'flow',
			},
			Array.from({ length: 50 }, () => ({ id: 'cust-7' })),
		);
		expect(error).toBeUndefined();
		expect(box.sim.stats.status('loyaltylion', 429)).toBe(0);
		expect(customer.points_approved).toBe(before + 50);
	});

	test('a Retry-After holds every request of the credential, and the write is applied once', async () => {
		const run = loyalistic();
		box.sim.faults.add('loyalistic', {
			type: 'status',
			status: 429,
			retryAfter: 1,
			count: 1,
			path: '/activities',
		});
		const input = activities(12);
		const { error } = await run(recordActivity, input);
		expect(error).toBeUndefined();
		const posts = box.sim.stats.log.filter((r) => r.route === '/v1/contacts/:id/activities');
		expect(posts).toHaveLength(13);
		// Nothing went out in the second after the 429 had been answered.
		const refused = posts[0].at;
		const inHold = posts.filter((p) => p.at > refused + 20 && p.at < refused + 950);
		expect(inHold).toHaveLength(0);
		const stored = loyalisticState().activities.filter((a) => String(a.type).startsWith('flow-'));
		expect(stored.length).toBeGreaterThanOrEqual(12);
	});
});

describe('items run several at a time, and in input order where they name the same record', () => {
	test('an item waits for an earlier item naming the same record; other items overtake it', async () => {
		const run = loyaltyLion();
		// Item 0 goes alone (the first request of a run), then the others at once; cust-1's first award answers
		// after 400 ms.
		box.sim.faults.add('loyaltylion', {
			type: 'slow',
			delayMs: 400,
			count: 1,
			path: '/customers/cust-1/points',
		});
		const input = [
			{ id: 'cust-9', p: 4 },
			{ id: 'cust-1', p: 5 },
			{ id: 'cust-1', p: 6 },
			{ id: 'cust-2', p: 7 },
			{ id: 'cust-3', p: 8 },
		];
		const { items, error } = await run(
			{
				resource: 'points',
				operation: 'add',
				merchantId: '={{ $json.id }}',
				points: '={{ $json.p }}',
			},
			input,
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => (i.pairedItem as IPairedItemData).item)).toEqual([0, 1, 2, 3, 4]);
		const at = (id: string, points: number) => {
			const request = box.sim.stats.log.find(
				(r) => r.path.includes(`/customers/${id}/points`) && r.body.points === points,
			);
			if (!request) throw new Error(`no award of ${points} to ${id} reached the simulator`);
			return request.at;
		};
		// cust-2 and cust-3 went while item 0 was still being answered...
		expect(at('cust-2', 7) - at('cust-1', 5)).toBeLessThan(300);
		expect(at('cust-3', 8) - at('cust-1', 5)).toBeLessThan(300);
		// ...but the second award to cust-1 only after the first was answered.
		expect(at('cust-1', 6) - at('cust-1', 5)).toBeGreaterThanOrEqual(390);
	});

	test("when the run stops, an item waiting on the failed item's record is not sent, and the report says so", async () => {
		const run = loyaltyLion();
		box.sim.faults.add('loyaltylion', {
			type: 'status',
			status: 400,
			count: 1,
			path: '/customers/cust-1/points',
			body: { error: { message: 'refused' } },
		});
		const input = [{ id: 'cust-1' }, { id: 'cust-1' }];
		const { error } = await run(
			{ resource: 'points', operation: 'add', merchantId: '={{ $json.id }}', points: 3 },
			input,
		);
		expect(error).toBeDefined();
		expect(error?.description).toMatch(/Item 1 was never sent/);
		expect(
			box.sim.stats.log.filter((r) => r.path.includes('/customers/cust-1/points')),
		).toHaveLength(1);
	});
});
