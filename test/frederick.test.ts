import { sleep, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { Engine, useSandbox, allText, type RunNodeOptions } from './harness';

/** A JSON:API error document, and an OAuth one, as the simulator answers them. */
interface JsonApiErrors {
	errors: Array<{ detail: string; source: { pointer: string } }>;
}
interface OAuthError {
	error_description: string;
}

type RunOptions = Omit<RunNodeOptions, 'type' | 'credentials' | 'parameters'>;

const SECRETS = {
	apiKey: 'fred-demo-api-key',
	clientSecret: 'fred-demo-secret',
	password: 'demo-password',
};
const box = useSandbox({ frederick: { asyncThreshold: 5, jobPolls: 2 } });
const sim = () => box.sim.instances.frederick;

function setup(data: IDataObject = {}) {
	const engine = new Engine();
	const credentials = engine.addCredential('fr-1', 'frederickApi', {
		environment: 'custom',
		customBaseUrl: box.sim.baseUrl('frederick'),
		apiKey: SECRETS.apiKey,
		clientId: 'fred-demo-client',
		clientSecret: SECRETS.clientSecret,
		email: 'owner@salon.example',
		password: SECRETS.password,
		dataSourceName: 'n8n-demo',
		...data,
	});
	const run = (parameters: INodeParameters, options: RunOptions = {}) =>
		engine.runNode({ type: 'frederick', credentials, parameters, ...options });
	return { engine, run };
}

const LIST = { resource: 'contact', operation: 'getMany', locationId: 'loc_1' };
const CONTACTS = ['frederick', 'POST', '/v2/locations/:locationId/contacts'] as const;

describe('Frederick through the n8n engine (API key + chained tokens)', () => {
	test('the user token then the location token, x-api-key on every call, only the location token stored', async () => {
		const { run, engine } = setup();
		const { items, error } = await run({
			resource: 'contact',
			operation: 'get',
			locationId: 'loc_1',
			contactId: 'ct_7',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: 'ct_7',
			type: 'contacts',
			first_name: 'Client7',
			email: 'client7@example.com',
		});
		const log = box.sim.stats.log;
		expect(log.map((r) => `${r.method} ${r.route}`)).toEqual([
			'POST /oauth/token',
			'POST /oauth/location_token',
			'GET /v2/locations/:locationId/contacts/:id',
		]);
		expect(log.every((r) => r.headers['x-api-key'] === SECRETS.apiKey)).toBe(true);
		expect(log[0].body).toEqual({
			email: 'owner@salon.example',
			password: SECRETS.password,
			client_id: 'fred-demo-client',
			client_secret: SECRETS.clientSecret,
		});
		const userToken = (log[1].headers.authorization as string).replace('Bearer ', '');
		expect(userToken).toMatch(/^fu_/);
		expect(log[1].body).toEqual({
			client_id: 'fred-demo-client',
			client_secret: SECRETS.clientSecret,
		});
		const stored = engine.credentials.stored('fr-1');
		expect(log[2].headers.authorization).toBe(`Bearer ${stored?.accessToken}`);
		expect(stored?.accessToken).toMatch(/^fl_/);
		expect(JSON.stringify(stored)).not.toContain(userToken);
		expect(log[2].headers.accept).toBe('application/vnd.api+json');
		await run({ resource: 'contact', operation: 'get', locationId: 'loc_1', contactId: 'ct_8' });
		expect(box.sim.stats.tokens.frederick).toBe(2);
	});

	test('a revoked location token makes n8n run the chain again, once, and the request is retried', async () => {
		const { run, engine } = setup();
		await run({ resource: 'contact', operation: 'get', locationId: 'loc_1', contactId: 'ct_1' });
		const before = engine.credentials.stored('fr-1')!.accessToken;
		sim().control.revokeLocationTokens();
		box.sim.stats.reset();
		const { items, error } = await run(
			{ resource: 'contact', operation: 'get', locationId: 'loc_1', contactId: '={{ $json.id }}' },
			{ items: [{ id: 'ct_1' }, { id: 'ct_2' }, { id: 'ct_3' }] },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(['ct_1', 'ct_2', 'ct_3']);
		expect(box.sim.stats.tokens.frederick).toBe(2);
		expect(box.sim.requestsTo('frederick', 'GET', '/v2/locations/:locationId/contacts/:id')).toBe(
			4,
		);
		expect(engine.credentials.stored('fr-1')!.accessToken).not.toBe(before);
	});

	test('a wrong API key and a wrong password are reported as such, without the secrets', async () => {
		const badKey = await setup({ apiKey: 'wrong-api-key-value' }).run({
			resource: 'location',
			operation: 'getMany',
			returnAll: true,
		});
		expect(badKey.error?.message).toBe(
			'Frederick refused the credential: could not get an access token (the user token request was refused (Missing or invalid API key (x-api-key)): check the API Key)',
		);
		const badPassword = await setup({ password: 'not-the-password' }).run({
			resource: 'location',
			operation: 'getMany',
			returnAll: true,
		});
		expect(badPassword.error?.message).toBe(
			'Frederick refused the credential: could not get an access token (the user token request was refused (Wrong email or password): probably the owner email and password (OAuth error invalid_grant; assumed meaning))',
		);
		const text =
			allText(badKey.error) +
			allText(badPassword.error) +
			allText(badKey.run.data) +
			allText(badPassword.run.data);
		for (const secret of ['wrong-api-key-value', 'not-the-password', SECRETS.clientSecret])
			expect(text).not.toContain(secret);
	});

	test('Get Many follows links.next over 1,050 contacts, each exactly once, or stops exactly at the limit', async () => {
		const { run } = setup();
		const all = await run({ ...LIST, returnAll: true });
		expect(all.error).toBeUndefined();
		const ids = all.items.map((i) => i.json.id);
		expect(ids).toHaveLength(1050);
		expect(new Set(ids).size).toBe(1050);
		expect(box.sim.requestsTo(...CONTACTS)).toBe(11);
		box.sim.stats.reset();
		const some = await run({ ...LIST, returnAll: false, limit: 120 });
		expect(some.items.map((i) => i.json.id)).toEqual(ids.slice(0, 120));
		expect(box.sim.requestsTo(...CONTACTS)).toBe(2);
		const raw = await run({ ...LIST, returnAll: false, limit: 1, simplify: false });
		expect(raw.items[0].json).toEqual({
			type: 'contacts',
			id: 'ct_1',
			attributes: expect.objectContaining({ email: 'client1@example.com' }),
		});
	});

	test('a 429 and a revoked token mid-listing lose nothing', async () => {
		const { run } = setup();
		await run({ resource: 'contact', operation: 'get', locationId: 'loc_1', contactId: 'ct_1' });
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 429,
			count: 1,
			skip: 3,
			path: '/v2/locations/loc_1/contacts',
		});
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 502,
			count: 2,
			skip: 6,
			path: '/v2/locations/loc_1/contacts',
		});
		void sleep(5).then(() => sim().control.revokeLocationTokens());
		const { items, error } = await run({ ...LIST, returnAll: true });
		expect(error).toBeUndefined();
		expect(new Set(items.map((i) => i.json.id)).size).toBe(1050);
		expect(items).toHaveLength(1050);
	});

	test('contacts: create, update, delete as JSON:API documents; a 422 names the attribute', async () => {
		const { run } = setup();
		const created = await run({
			resource: 'contact',
			operation: 'create',
			locationId: 'loc_1',
			contactFields: { email: 'new@example.com', first_name: 'Nova', external_id: 'pos-77' },
		});
		expect(created.error).toBeUndefined();
		const post = box.sim.stats.log.find(
			(r) => r.method === 'POST' && r.route === '/v2/locations/:locationId/contacts',
		);
		expect(post?.headers['content-type']).toMatch(/application\/vnd\.api\+json/);
		expect(post?.body).toEqual({
			data: {
				type: 'contacts',
				attributes: {
					email: 'new@example.com',
					first_name: 'Nova',
					properties: { external_id: 'pos-77' },
				},
			},
		});
		const id = created.items[0].json.id;
		const updated = await run({
			resource: 'contact',
			operation: 'update',
			locationId: 'loc_1',
			contactId: id as string,
			updateFields: { last_name: 'Star' },
		});
		expect(updated.items[0].json).toMatchObject({ id, first_name: 'Nova', last_name: 'Star' });
		expect(updated.items[0].json.properties).toEqual({ external_id: 'pos-77' });
		const dup = await run({
			resource: 'contact',
			operation: 'create',
			locationId: 'loc_1',
			contactFields: { email: 'new@example.com' },
		});
		expect(dup.error?.message).toBe(
			'Frederick answered HTTP 422 (item 0): email new@example.com is already taken (/data/attributes/email)',
		);
		const deleted = await run({
			resource: 'contact',
			operation: 'delete',
			locationId: 'loc_1',
			contactId: id as string,
		});
		expect(deleted.items[0].json).toEqual({ id, deleted: true });
		const none = await run({
			resource: 'contact',
			operation: 'create',
			locationId: 'loc_1',
			contactFields: { first_name: 'NoWay' },
		});
		expect(none.error?.message).toBe('Contact Fields need an Email or a Phone (item 0)');
	});

	test('a next link is followed with its own values: a filter of digits stays text, page numbers go as numbers', async () => {
		const { run } = setup();
		const base = `${box.sim.baseUrl('frederick')}/v2/locations/loc_1/contacts`;
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 200,
			count: 1,
			path: '/contacts',
			body: {
				data: [{ id: 'ct_1', type: 'contacts', attributes: { first_name: 'One' } }],
				links: {
					next: `${base}?page.number=2&page.size=1&filter.email=12345`,
					last: `${base}?page.number=2&page.size=1&filter.email=12345`,
				},
			},
		});
		const { items, error } = await run({ ...LIST, returnAll: true, filters: { email: '12345' } });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(['ct_1']);
		const second = box.sim.stats.log.filter((r) => r.route === CONTACTS[2]).at(-1)?.body;
		expect(second).toEqual({ 'page.number': 2, 'page.size': 1, 'filter.email': '12345' });
	});

	test('a page before links.last without links.next fails the listing instead of returning part of it as whole', async () => {
		const { run } = setup();
		const base = `${box.sim.baseUrl('frederick')}/v2/locations/loc_1/contacts`;
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 200,
			count: 1,
			path: '/contacts',
			body: {
				data: [{ id: 'ct_1', type: 'contacts', attributes: { first_name: 'One' } }],
				links: { last: `${base}?page.number=3&page.size=100` },
			},
		});
		const { items, error } = await run({ ...LIST, returnAll: true });
		expect(items).toEqual([]);
		expect(error?.message).toBe("Frederick's page 1 of 3 has no link to the next page (item 0)");
	});

	test('a links.next past links.last, or with no links.last, is not followed (the client library counts pages by links.last)', async () => {
		const { run } = setup();
		const base = `${box.sim.baseUrl('frederick')}/v2/locations/loc_1/contacts`;
		const page = (links: { next?: string; last?: string }) => ({
			type: 'status' as const,
			status: 200,
			count: 1,
			path: '/contacts',
			body: { data: [{ id: 'ct_1', type: 'contacts', attributes: { first_name: 'One' } }], links },
		});
		box.sim.faults.add(
			'frederick',
			page({
				next: `${base}?page.number=2&page.size=100`,
				last: `${base}?page.number=1&page.size=100`,
			}),
		);
		const past = await run({ ...LIST, returnAll: true });
		expect(past.error).toBeUndefined();
		expect(past.items.map((i) => i.json.id)).toEqual(['ct_1']);
		box.sim.faults.add('frederick', page({ next: `${base}?page.number=2&page.size=100` }));
		const noLast = await run({ ...LIST, returnAll: true });
		expect(noLast.error).toBeUndefined();
		expect(noLast.items.map((i) => i.json.id)).toEqual(['ct_1']);
		expect(box.sim.requestsTo('frederick', ...(CONTACTS.slice(1) as [string, string]))).toBe(2);
	});

	test('a links.next that repeats an earlier page fails the listing instead of looping', async () => {
		const { run } = setup();
		const base = `${box.sim.baseUrl('frederick')}/v2/locations/loc_1/contacts`;
		const again = `${base}?page.number=2&page.size=100`;
		const page = {
			data: [{ id: 'ct_1', type: 'contacts', attributes: { first_name: 'One' } }],
			links: { next: again, last: `${base}?page.number=9&page.size=100` },
		};
		// Page 1 and then page 2 (twice) name the same page 2 as next.
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 200,
			count: 3,
			path: '/contacts',
			body: page,
		});
		const { items, error } = await run({ ...LIST, returnAll: true });
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			`Frederick's link to the next page repeats one already followed (${again}) (item 0)`,
		);
		expect(box.sim.requestsTo('frederick', ...(CONTACTS.slice(1) as [string, string]))).toBe(2);
	});

	test('a 4xx without an errors array is still a failure, named by its status', async () => {
		const { run } = setup();
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 422,
			path: '/contacts',
			body: { message: 'nope' },
		});
		const { items, error } = await run({
			resource: 'contact',
			operation: 'create',
			locationId: 'loc_1',
			contactFields: { email: 'x@example.com' },
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Frederick answered HTTP 422/);
	});

	test('campaigns and contact lists', async () => {
		const { run } = setup();
		const lists = await run({
			resource: 'contactList',
			operation: 'getMany',
			locationId: 'loc_1',
			returnAll: true,
		});
		expect(lists.items.map((i) => i.json.name)).toEqual(['All clients', 'Lapsed 90 days']);
		const created = await run({
			resource: 'campaign',
			operation: 'create',
			locationId: 'loc_1',
			name: 'Spring promo',
			channel: 'sms',
			additionalFields: {
				body: '20% off this week',
				contact_list_id: 'cl_2',
				send_at: '2026-04-01T09:00:00Z',
			},
		});
		expect(created.items[0].json).toMatchObject({
			type: 'campaigns',
			name: 'Spring promo',
			status: 'scheduled',
			contact_list_id: 'cl_2',
		});
		const all = await run({
			resource: 'campaign',
			operation: 'getMany',
			locationId: 'loc_1',
			returnAll: true,
		});
		expect(all.items.some((i) => i.json.name === 'Spring promo')).toBe(true);
	});

	const syncParams = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'sync',
		operation: 'batchSync',
		locationId: 'loc_1',
		kind: 'services',
		externalId: '={{ $json.external_id }}',
		attributes: '={{ JSON.stringify($json) }}',
		options: { pollInterval: 1, timeout: 10 },
		...extra,
	});
	const services = (n: number, offset = 0): IDataObject[] =>
		Array.from({ length: n }, (_, i) => ({
			external_id: `svc-${offset + i}`,
			name: `Service ${offset + i}`,
			duration: 30,
		}));

	test('a sync run: start, a batch answered 202 polled to completion, a small batch answered at once, finish', async () => {
		const { run } = setup();
		const started = await run({ resource: 'sync', operation: 'start', locationId: 'loc_1' });
		expect(started.items[0].json.management_system).toMatchObject({
			data_source_name: 'n8n-demo',
			sync_status: 'started',
		});

		const big = await run(syncParams(), { items: services(12) });
		expect(big.error).toBeUndefined();
		expect(big.items).toHaveLength(12);
		expect(big.items[0].json).toMatchObject({
			external_id: 'svc-0',
			kind: 'services',
			accepted: 202,
			batch: { status: 'complete', received: 12, created: 12, updated: 0 },
		});
		expect(big.items[11].pairedItem).toEqual({ item: 11 });
		expect(
			box.sim.requestsTo('frederick', 'GET', '/v2/locations/:locationId/background_jobs/:id'),
		).toBe(2);
		expect((big.items[0].json.batch as IDataObject).jobId).toBeUndefined();
		const sent = box.sim.stats.log.find((r) => r.route.endsWith('batch_sync_services'));
		expect(sent!.body.data[0]).toEqual({
			type: 'services',
			attributes: { external_id: 'svc-0', name: 'Service 0', duration: 30 },
		});

		const small = await run(syncParams(), { items: services(3, 10) });
		expect(small.items[0].json).toMatchObject({
			accepted: 200,
			batch: { status: 'complete', received: 3, created: 1, updated: 2 },
		});
		expect(sim().state.synced.get('loc_1/services')!.size).toBe(13);

		const finished = await run({ resource: 'sync', operation: 'finish', locationId: 'loc_1' });
		expect((finished.items[0].json.management_system as IDataObject).sync_status).toBe('finished');
		expect(sim().state.syncRuns.map((r) => r.sync_status)).toEqual(['started', 'finished']);
	});

	test('Sync Start/Finish: an answer without a resource (204, {}) is a success, not a crash', async () => {
		const { run } = setup();
		const path = '/locations/loc_1/update_management_system';
		box.sim.faults.add('frederick', { type: 'status', status: 204, body: '', path });
		const started = await run({ resource: 'sync', operation: 'start', locationId: 'loc_1' });
		expect(started.error).toBeUndefined();
		expect(started.items[0].json).toEqual({
			locationId: 'loc_1',
			sync_status: 'started',
			accepted: 204,
		});
		box.sim.faults.add('frederick', { type: 'status', status: 200, body: {}, path });
		const finished = await run({ resource: 'sync', operation: 'finish', locationId: 'loc_1' });
		expect(finished.error).toBeUndefined();
		expect(finished.items[0].json).toEqual({
			locationId: 'loc_1',
			sync_status: 'finished',
			accepted: 200,
		});
	});

	test('Batch Sync sends one of external_id or id, never both (syncing-data)', async () => {
		const { run } = setup();
		const items = [{ id: 'fr-9', external_id: 'svc-9', name: 'Cut' }];
		const byExternal = await run(syncParams(), { items });
		expect(byExternal.error).toBeUndefined();
		const byId = await run(syncParams({ matchBy: 'id', frederickId: '={{ $json.id }}' }), {
			items,
		});
		expect(byId.error).toBeUndefined();
		expect(byId.items[0].json).toMatchObject({ id: 'fr-9', kind: 'services' });
		expect(byId.items[0].json.external_id).toBeUndefined();
		const sent = box.sim.stats.log
			.filter((r) => r.route.endsWith('batch_sync_services'))
			.map((r) => r.body.data[0].attributes);
		expect(sent).toEqual([
			{ external_id: 'svc-9', name: 'Cut' },
			{ id: 'fr-9', name: 'Cut' },
		]);
		expect(sim().state.synced.get('loc_1/services')!.has('id:fr-9')).toBe(true);
	});

	test('Sync Start without a Data Source Name stops before anything is sent', async () => {
		const { run } = setup({ dataSourceName: '' });
		const { items, error } = await run({
			resource: 'sync',
			operation: 'start',
			locationId: 'loc_1',
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/Data Source Name \(in the Frederick API credential\)/);
		expect(
			box.sim.requestsTo('frederick', 'POST', '/locations/:locationId/update_management_system'),
		).toBe(0);
	});

	test('a job is a job whatever the status of its first answer (200), and a relative links.self is polled', async () => {
		const { run } = setup();
		const job = (status: string) => ({
			data: {
				type: 'background_jobs',
				id: 'job-rel',
				links: { self: '/v2/locations/loc_1/background_jobs/job-rel' },
				attributes: { status },
			},
		});
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 200,
			path: 'batch_sync_services',
			body: job('queued'),
		});
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 200,
			path: '/background_jobs/job-rel',
			body: job('complete'),
		});
		const { items, error } = await run(syncParams(), { items: services(1) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			external_id: 'svc-0',
			accepted: 200,
			batch: { jobId: 'job-rel', status: 'complete' },
		});
		const polls = box.sim.stats.log.filter((r) => r.path.endsWith('/background_jobs/job-rel'));
		expect(polls.map((r) => [r.method, r.path])).toEqual([
			['GET', '/frederick/v2/locations/loc_1/background_jobs/job-rel'],
		]);
	});

	test('sync calls are not retried after a 5xx: repeating one is not known to be harmless', async () => {
		const { run } = setup();
		const mark = 'POST /locations/:locationId/update_management_system';
		const batch = 'POST /locations/:locationId/services/batch_sync_services';
		const count = (route: string) =>
			box.sim.stats.log.filter((r) => `${r.method} ${r.route}` === route).length;
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 503,
			count: 3,
			path: '/update_management_system',
		});
		const started = await run({ resource: 'sync', operation: 'start', locationId: 'loc_1' });
		expect(started.error?.message).toMatch(/^Frederick answered HTTP 503/);
		expect(started.error?.description).toMatch(/This write was not retried/);
		expect(count(mark)).toBe(1);

		// The batch is applied, then its answer is lost: sending it again is left to the user.
		box.sim.faults.add('frederick', {
			type: 'lost',
			status: 502,
			count: 3,
			path: '/batch_sync_services',
		});
		const synced = await run(syncParams(), { items: services(2, 900) });
		expect(synced.error?.message).toMatch(/^Frederick answered HTTP 502/);
		expect(synced.error?.description).toMatch(/This write was not retried/);
		expect(count(batch)).toBe(1);
		box.sim.faults.clear('frederick');
	});

	test('a sync batch that never completes times out with a clear message; another location is refused', async () => {
		const { run } = setup();
		sim().state.options.jobPolls = 1000;
		try {
			const slow = await run(syncParams({ options: { pollInterval: 1, timeout: 2 } }), {
				items: services(8, 100),
			});
			expect(slow.error?.message).toMatch(
				/^Frederick's background job job_[0-9a-f]+ was still "processing" after 2 s \(item 0\)$/,
			);
			expect(slow.error?.description).toMatch(
				/check the job later in Frederick before running it again \(whether a repeated sync is harmless is not public\)/,
			);
		} finally {
			sim().state.options.jobPolls = 2;
		}
		const other = await run(syncParams({ locationId: 'loc_2' }), { items: services(2) });
		expect(other.error?.message).toBe(
			'Frederick answered HTTP 403 (item 0): The token does not give access to location loc_2',
		);
	});

	describe("V2 as Frederick's client builds it", () => {
		afterEach(() => sim().control.resetJobs());

		test('contacts are listed by POST with X-Request-Method: GET and dot keys in a JSON body; next links too', async () => {
			const { run } = setup();
			const some = await run({ ...LIST, returnAll: false, limit: 150 });
			expect(some.error).toBeUndefined();
			expect(some.items).toHaveLength(150);
			const posts = box.sim.stats.log.filter(
				(r) => r.route === '/v2/locations/:locationId/contacts',
			);
			expect(posts.map((r) => [r.method, r.path, r.headers['x-request-method'], r.body])).toEqual([
				[
					'POST',
					'/frederick/v2/locations/loc_1/contacts',
					'GET',
					{ 'page.number': 1, 'page.size': 100 },
				],
				[
					'POST',
					'/frederick/v2/locations/loc_1/contacts',
					'GET',
					{ 'page.number': 2, 'page.size': 100 },
				],
			]);
			expect(posts.every((r) => Object.keys(r.query).length === 0)).toBe(true);
			expect(posts[0].headers['content-type']).toMatch(/application\/vnd\.api\+json/);
			box.sim.stats.reset();
			const one = await run({
				...LIST,
				returnAll: true,
				filters: { email: 'client9@example.com' },
			});
			expect(one.items.map((i) => i.json.id)).toEqual(['ct_9']);
			expect(box.sim.stats.log.find((r) => r.route.endsWith('/contacts'))!.body).toEqual({
				'filter.email': 'client9@example.com',
				'page.number': 1,
				'page.size': 100,
			});
			box.sim.stats.reset();
			await run({
				resource: 'campaign',
				operation: 'getMany',
				locationId: 'loc_1',
				returnAll: true,
			});
			expect(box.sim.stats.log.find((r) => r.route.endsWith('/campaigns'))!.query).toEqual({
				'page.number': '1',
				'page.size': '100',
			});
		});

		test('the simulator refuses what the client never sends: bracket paging, a GET contacts listing, location_id as an attribute', async () => {
			const { run } = setup();
			await run({ resource: 'location', operation: 'get', locationId: 'loc_1' });
			const token = box.sim.stats.log.find((r) => r.route === '/v2/locations/:id')!.headers
				.authorization as string;
			const headers = {
				'x-api-key': SECRETS.apiKey,
				authorization: token,
				accept: 'application/vnd.api+json',
				'content-type': 'application/vnd.api+json',
			};
			const base = box.sim.baseUrl('frederick');
			const bracket = await fetch(`${base}/v2/locations/loc_1/campaigns?page[number]=1`, {
				headers,
			});
			expect(bracket.status).toBe(400);
			expect(((await bracket.json()) as JsonApiErrors).errors[0].detail).toBe(
				'page[number] is not a parameter: Frederick uses dot notation (page.number)',
			);
			const get = await fetch(`${base}/v2/locations/loc_1/contacts`, { headers });
			expect(get.status).toBe(405);
			const withLocation = await fetch(`${base}/v2/locations/loc_1/contacts`, {
				method: 'POST',
				headers,
				body: JSON.stringify({
					data: { type: 'contacts', attributes: { email: 'x@example.com', location_id: 'loc_2' } },
				}),
			});
			expect(withLocation.status).toBe(422);
			expect(((await withLocation.json()) as JsonApiErrors).errors[0].source.pointer).toBe(
				'/data/attributes/location_id',
			);
			const other = await run({ ...LIST, locationId: 'loc_2', returnAll: true });
			expect(other.error?.message).toBe(
				'Frederick answered HTTP 403 (item 0): The token does not give access to location loc_2',
			);
		});

		test('every V2 request, GET and DELETE included, carries the JSON:API media type both ways; the simulator refuses others', async () => {
			const { run } = setup();
			await run({ resource: 'location', operation: 'get', locationId: 'loc_1' });
			// A contact that does not exist: the DELETE is still sent (and answered 404), and nothing is removed.
			await run({
				resource: 'contact',
				operation: 'delete',
				locationId: 'loc_1',
				contactId: 'ct_none',
			});
			const v2 = box.sim.stats.log.filter((r) => r.path.includes('/v2/'));
			expect(v2.map((r) => r.method)).toEqual(expect.arrayContaining(['GET', 'DELETE']));
			for (const r of v2) {
				expect(r.headers.accept).toBe('application/vnd.api+json');
				expect(r.headers['content-type']).toBe('application/vnd.api+json');
			}
			const token = v2[0].headers.authorization as string;
			const base = box.sim.baseUrl('frederick');
			const plain = await fetch(`${base}/v2/locations/loc_1`, {
				headers: { 'x-api-key': SECRETS.apiKey, authorization: token, accept: 'application/json' },
			});
			expect(plain.status).toBe(406);
			expect(((await plain.json()) as JsonApiErrors).errors[0].detail).toBe(
				'Accept must be application/vnd.api+json, got application/json',
			);
			const noType = await fetch(`${base}/v2/locations/loc_1`, {
				headers: {
					'x-api-key': SECRETS.apiKey,
					authorization: token,
					accept: 'application/vnd.api+json',
				},
			});
			expect(noType.status).toBe(415);
			expect(((await noType.json()) as JsonApiErrors).errors[0].detail).toBe(
				'Content-Type must be application/vnd.api+json, got none',
			);
		});

		test('the token requests are JSON with application/json; a form body is refused by its type; no token_type is invented', async () => {
			const { run } = setup();
			await run({ resource: 'location', operation: 'get', locationId: 'loc_1' });
			const tokens = box.sim.stats.log.filter((r) => r.route.startsWith('/oauth/'));
			expect(tokens.map((r) => r.route)).toEqual(['/oauth/token', '/oauth/location_token']);
			for (const r of tokens) {
				expect(r.headers['content-type']).toMatch(/^application\/json\b/);
				expect(r.headers.accept).toBe('application/json');
			}
			const base = box.sim.baseUrl('frederick');
			const form = await fetch(`${base}/oauth/token`, {
				method: 'POST',
				headers: {
					'x-api-key': SECRETS.apiKey,
					accept: 'application/json',
					'content-type': 'application/x-www-form-urlencoded',
				},
				body: new URLSearchParams({
					email: 'owner@salon.example',
					password: SECRETS.password,
					client_id: 'fred-demo-client',
					client_secret: SECRETS.clientSecret,
				}).toString(),
			});
			expect(form.status).toBe(415);
			expect(((await form.json()) as OAuthError).error_description).toBe(
				'Content-Type must be application/json, got application/x-www-form-urlencoded',
			);
			const json = await fetch(`${base}/oauth/token`, {
				method: 'POST',
				headers: {
					'x-api-key': SECRETS.apiKey,
					accept: 'application/json',
					'content-type': 'application/json',
				},
				body: JSON.stringify({
					email: 'owner@salon.example',
					password: SECRETS.password,
					client_id: 'fred-demo-client',
					client_secret: SECRETS.clientSecret,
				}),
			});
			expect(json.status).toBe(200);
			expect(Object.keys((await json.json()) as IDataObject)).toEqual(['access_token']);
		});

		test('a batch job that ends in "error" fails the item at once with the job\'s errors; nothing is retried', async () => {
			const { run } = setup();
			sim().control.failJobs({
				count: 1,
				field: 'errors',
				reasons: ['duration must be a number', 'svc-3: name is required'],
			});
			const started = Date.now();
			const failed = await run(syncParams({ options: { pollInterval: 1, timeout: 300 } }), {
				items: services(8, 200),
			});
			expect(Date.now() - started).toBeLessThan(3000);
			expect(failed.error?.message).toMatch(
				/^Frederick's background job job_[0-9a-f]+ ended in "error": duration must be a number; svc-3: name is required \(item 0\)$/,
			);
			expect(failed.error?.description).toMatch(/nothing more was polled/);
			expect(
				box.sim.requestsTo('frederick', 'GET', '/v2/locations/:locationId/background_jobs/:id'),
			).toBe(2);
			expect(
				box.sim.requestsTo(
					'frederick',
					'POST',
					'/locations/:locationId/services/batch_sync_services',
				),
			).toBe(1);
			expect(sim().state.synced.get('loc_1/services')?.has('svc-200')).toBeFalsy();

			sim().control.failJobs({ count: 1, field: 'messages', reasons: ['Data source is locked'] });
			const kept = await run(syncParams(), {
				items: services(8, 300),
				continueOnFail: true,
			});
			expect(kept.error).toBeUndefined();
			expect(kept.items).toHaveLength(8);
			expect(kept.items[0].json.error).toMatch(/ended in "error": Data source is locked/);
		});

		test('polls wait the Retry-After Frederick sends; a listing answered as a job is followed through its 303', async () => {
			const { run } = setup();
			sim().control.setJobs({ retryAfter: 2, polls: 2 });
			const synced = await run(syncParams({ options: { pollInterval: 1, timeout: 30 } }), {
				items: services(8, 400),
			});
			expect(synced.error).toBeUndefined();
			const polls = box.sim.stats.log.filter((r) => r.route.endsWith('/background_jobs/:id'));
			expect(polls).toHaveLength(2);
			const post = box.sim.stats.log.find((r) => r.route.endsWith('batch_sync_services'));
			// The first poll waits for the 202's own pause (no Retry-After: the Poll Interval, 1 s), the second the
			// 2 s the running job's answer asked for.
			expect(polls[1].at - polls[0].at).toBeGreaterThanOrEqual(1950);
			expect(polls[0].at - post!.at).toBeGreaterThanOrEqual(950);
			expect(polls[0].at - post!.at).toBeLessThan(1900);
			expect(
				box.sim.requestsTo(
					'frederick',
					'GET',
					'/v2/locations/:locationId/background_jobs/:id/result',
				),
			).toBe(1);

			sim().control.setJobs({ retryAfter: 0, polls: 1, listings: true });
			box.sim.stats.reset();
			const listed = await run({ ...LIST, returnAll: false, limit: 120 });
			expect(listed.error).toBeUndefined();
			expect(listed.items.map((i) => i.json.id)).toEqual(
				Array.from({ length: 120 }, (_, k) => `ct_${k + 1}`),
			);
			expect(
				box.sim.stats.log.filter((r) => r.route.endsWith('/contacts') && r.status === 202),
			).toHaveLength(2);
			expect(
				box.sim.requestsTo(
					'frederick',
					'GET',
					'/v2/locations/:locationId/background_jobs/:id/result',
				),
			).toBe(2);

			sim().control.failJobs({
				count: 1,
				field: 'messages',
				reasons: ['filter.filters is not valid JSON'],
			});
			const bad = await run({ ...LIST, returnAll: true });
			expect(bad.error?.message).toMatch(
				/ended in "error": filter\.filters is not valid JSON \(item 0\)$/,
			);
		});

		test('a complete job with no redirect is the answer itself; a 307 or 308 instead of a 303 fails, named', async () => {
			const { run } = setup();
			sim().control.setJobs({ polls: 1, noResult: true });
			const done = await run(syncParams(), { items: services(8, 500) });
			expect(done.error).toBeUndefined();
			expect(done.items).toHaveLength(8);
			expect(done.items[0].json).toEqual({
				external_id: 'svc-500',
				kind: 'services',
				accepted: 202,
				batch: { jobId: expect.stringMatching(/^job_[0-9a-f]+$/), status: 'complete' },
			});
			expect(
				box.sim.requestsTo(
					'frederick',
					'GET',
					'/v2/locations/:locationId/background_jobs/:id/result',
				),
			).toBe(0);

			for (const status of [307, 308]) {
				sim().control.setJobs({ polls: 1, noResult: false, redirectStatus: status });
				box.sim.stats.reset();
				const moved = await run(syncParams(), { items: services(8, 600) });
				expect(moved.error?.message).toBe(
					`Frederick answered HTTP ${status} (a redirect other than 303 See Other); not followed (item 0)`,
				);
				expect(moved.error?.description).toMatch(/background_jobs\/job_[0-9a-f]+\/result/);
				expect(
					box.sim.requestsTo(
						'frederick',
						'GET',
						'/v2/locations/:locationId/background_jobs/:id/result',
					),
				).toBe(0);
			}
		});

		test.each([
			['calendars', '/locations/loc_1/calendars/batch_sync_calendars'],
			['vehicles', '/locations/loc_1/vehicles/batch_create_or_update'],
			['openings', '/locations/loc_1/openings/batch_sync_openings'],
		])('the %s sync method posts to %s as the syncing-data page writes it', async (kind, path) => {
			const { run } = setup();
			const { items, error } = await run(syncParams({ kind }), {
				items: [{ external_id: `${kind}-1`, name: 'One' }],
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				kind,
				accepted: 200,
				batch: { received: 1, created: 1 },
			});
			const sent = box.sim.stats.log.find((r) => r.path === `/frederick${path}`);
			expect(sent!.method).toBe('POST');
			expect(sent!.path).toBe(`/frederick${path}`);
			expect(sent!.body).toEqual({
				data: [{ type: kind, attributes: { external_id: `${kind}-1`, name: 'One' } }],
			});
		});
	});
});
