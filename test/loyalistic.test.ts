import { sleep, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { Engine, useSandbox, allText, type RunNodeOptions } from './harness';

/** One request of the node that Account → Check API Paths did not find in the document. */
interface MissingCall {
	operation: string;
	method: string;
	path: string;
	problem: string;
	methodsOnPath?: string[];
	closest: Array<{ method: string; path: string }>;
	queryNotListed?: string[];
}

/** The report Account → Check API Paths outputs. */
interface PathReport {
	fits: boolean;
	found: number;
	summary: string;
	missing: MissingCall[];
}

const CLIENT_ID = 'loyalistic-demo-client';
const CLIENT_SECRET = 'loyalistic-demo-secret';
const box = useSandbox();
const sim = () => box.sim.instances.loyalistic;

function setup(data: IDataObject = {}) {
	const engine = new Engine();
	const credentials = engine.addCredential('lyl-1', 'loyalisticOAuth2Api', {
		apiBaseUrl: `${box.sim.baseUrl('loyalistic')}/v1`,
		accessTokenUrl: `${box.sim.baseUrl('loyalistic')}/token`,
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		...data,
	});
	const run = (
		parameters: INodeParameters,
		options: Pick<RunNodeOptions, 'items' | 'continueOnFail'> = {},
	) => engine.runNode({ type: 'loyalistic', credentials, parameters, ...options });
	return { engine, run };
}

function setLifetime(seconds: number) {
	sim().state.options.tokenLifetimeSeconds = seconds;
	sim().tokens.lifetimeSeconds = seconds;
}

const LIST_CONTACTS = ['loyalistic', 'GET', '/v1/contacts'] as const;

describe('Loyalistic through the n8n engine', () => {
	afterEach(() => setLifetime(600));

	test('the token request uses HTTP Basic and the grant_type form field, nothing else', async () => {
		const { run } = setup();
		const { error, items } = await run({ resource: 'contact', operation: 'get', contactId: '7' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 7 });
		const token = box.sim.stats.log.find((r) => r.route === '/token');
		expect(token?.headers.authorization).toBe(
			`Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
		);
		expect(token?.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
		expect(token?.body).toEqual({ grant_type: 'client_credentials' });
		const api = box.sim.stats.log.find((r) => r.route === '/v1/contacts/:id');
		expect(api?.headers.authorization).toMatch(/^Bearer lyl_/);
	});

	test('resource calls carry the bearer token only: no separate API-key header (§2)', async () => {
		const { run } = setup();
		await run({ resource: 'contact', operation: 'get', contactId: '7' });
		await run({ resource: 'contact', operation: 'getMany', returnAll: false, limit: 2 });
		const calls = box.sim.stats.log.filter((r) => r.route !== '/token');
		expect(calls.length).toBeGreaterThanOrEqual(2);
		for (const call of calls) {
			expect(call.headers.authorization).toMatch(/^Bearer lyl_/);
			expect(
				Object.keys(call.headers).filter((h) => /api[-_]?key|^x-.*key|token/i.test(h)),
			).toEqual([]);
		}
	});

	test('the simulator refuses a token request whose grant_type is not a form field, naming the type', async () => {
		const url = `${box.sim.baseUrl('loyalistic')}/token`;
		const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
		const asJson = await fetch(url, {
			method: 'POST',
			headers: { authorization: basic, 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'client_credentials' }),
		});
		expect(asJson.status).toBe(400);
		expect(((await asJson.json()) as { error_description: string }).error_description).toBe(
			'Content-Type must be application/x-www-form-urlencoded, got application/json',
		);
		const asForm = await fetch(url, {
			method: 'POST',
			headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials',
		});
		expect(asForm.status).toBe(200);
		expect(await asForm.json()).toMatchObject({ token_type: 'bearer', expires_in: 600 });
	});

	test('a run that outlives several short tokens keeps working: one token per lifetime, no failed item', async () => {
		// Two-second tokens: with one-second tokens, on a machine loaded by the e2e runs, a token fetched anew
		// expired before the retried request carrying it arrived (seen once).
		setLifetime(2);
		const { run } = setup();
		// Each request answers after 250 ms, eight items in flight: 200 items take about 6.4 s, i.e. three to four
		// 2-second tokens.
		box.sim.faults.add('loyalistic', { type: 'slow', delayMs: 250, count: 1000 });
		const input = Array.from({ length: 200 }, (_, i) => ({ id: String(i + 1) }));
		const started = Date.now();
		const { items, error } = await run(
			{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			{ items: input },
		);
		const seconds = (Date.now() - started) / 1000;
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id as number)).toEqual(input.map((i) => Number(i.id)));
		const log = sim().state.tokenLog.filter((t) => t.issuedAt >= started);
		expect(log.length).toBeGreaterThanOrEqual(3);
		expect(log.length).toBeLessThanOrEqual(Math.ceil(seconds / 2) + 1);
		// Each new token was fetched only after the one before it had expired: one token per lifetime.
		for (let k = 1; k < log.length; k++)
			expect(log[k].issuedAt).toBeGreaterThanOrEqual(log[k - 1].expiresAt);
		// Every expiry cost the requests in flight with the old token (at most one per item in flight), each
		// retried with the new token.
		const sent = box.sim.requestsTo('loyalistic', 'GET', '/v1/contacts/:id');
		expect(sent).toBeGreaterThanOrEqual(200 + log.length - 1);
		expect(sent).toBeLessThanOrEqual(200 + (log.length - 1) * 8);
	});

	test('Get Many with Return All pages through every contact exactly once', async () => {
		const { run } = setup();
		const { items, error } = await run({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id as number);
		expect(ids).toHaveLength(1234);
		expect(new Set(ids).size).toBe(1234);
		expect(Math.min(...ids)).toBe(1);
		expect(Math.max(...ids)).toBe(1234);
		expect(box.sim.requestsTo(...LIST_CONTACTS)).toBe(13);
		expect(
			box.sim.stats.log
				.filter((r) => r.route === '/v1/contacts')
				.every((r) => r.query.pageSize === '100'),
		).toBe(true);
	});

	test('a limit stops exactly at the limit, asking only for the pages it needs', async () => {
		const { run } = setup();
		const big = await run({
			resource: 'contact',
			operation: 'getMany',
			returnAll: false,
			limit: 250,
		});
		expect(big.items.map((i) => i.json.id as number)).toEqual(
			Array.from({ length: 250 }, (_, i) => i + 1),
		);
		expect(box.sim.requestsTo(...LIST_CONTACTS)).toBe(3);
		box.sim.stats.reset();
		const small = await run({
			resource: 'contact',
			operation: 'getMany',
			returnAll: false,
			limit: 30,
		});
		expect(small.items).toHaveLength(30);
		expect(box.sim.stats.log.filter((r) => r.route === '/v1/contacts').map((r) => r.query)).toEqual(
			[{ page: '1', pageSize: '30' }],
		);
	});

	test('a 429 and a token expiry in the middle of a listing lose and repeat nothing', async () => {
		const { run } = setup();
		await run({ resource: 'contact', operation: 'get', contactId: '1' });
		box.sim.faults.add('loyalistic', {
			type: 'status',
			status: 429,
			count: 2,
			skip: 4,
			path: '/v1/contacts',
		});
		box.sim.faults.add('loyalistic', {
			type: 'status',
			status: 503,
			count: 1,
			skip: 8,
			path: '/v1/contacts',
		});
		void sleep(0).then(() => sim().tokens.expireAll());
		const { items, error } = await run({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id as number);
		expect(ids).toHaveLength(1234);
		expect(new Set(ids).size).toBe(1234);
	});

	test('a page that keeps failing fails the whole listing: no partial list is returned as if whole', async () => {
		const { run } = setup();
		box.sim.faults.add('loyalistic', {
			type: 'status',
			status: 500,
			count: 100,
			skip: 3,
			path: '/v1/contacts',
		});
		const { items, error } = await run({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(
			/^Loyalistic answered HTTP 500 \(item 0\): An error has occurred\./,
		);
		expect(error?.description).toMatch(/Gave up after 5 attempts/);
		expect(error?.description).toContain('GET /loyalistic/v1/contacts');
	});

	test('contacts: create, find by email, update, add to a list, record an activity, delete', async () => {
		const { run } = setup();
		const created = await run({
			resource: 'contact',
			operation: 'create',
			email: 'New.Person@Example.com',
			additionalFields: { firstName: 'New', companyId: 3, customFields: '{"plan":"gold"}' },
		});
		expect(created.error).toBeUndefined();
		const id = created.items[0].json.id as number;
		expect(created.items[0].json).toMatchObject({
			email: 'new.person@example.com',
			firstName: 'New',
			companyId: 3,
			customFields: { plan: 'gold' },
		});

		const found = await run({
			resource: 'contact',
			operation: 'findByEmail',
			email: 'new.person@example.com',
		});
		expect(found.items.map((i) => i.json.id as number)).toEqual([id]);
		const missing = await run({
			resource: 'contact',
			operation: 'findByEmail',
			email: 'nobody@example.com',
		});
		expect(missing.items).toHaveLength(0);

		const updated = await run({
			resource: 'contact',
			operation: 'update',
			contactId: String(id),
			updateFields: { title: 'CTO' },
		});
		expect(updated.items[0].json).toMatchObject({ id, title: 'CTO', firstName: 'New' });

		const added = await run({
			resource: 'list',
			operation: 'addContacts',
			listId: '2',
			contactIds: `${id}, 5`,
		});
		expect(added.items[0].json).toMatchObject({ id: 2, contactCount: 2, added: 2 });
		const lists = await run({ resource: 'list', operation: 'getMany', returnAll: true });
		expect(lists.items.find((l) => l.json.id === 2)?.json.contactCount).toBe(2);
		const removed = await run({
			resource: 'list',
			operation: 'removeContact',
			listId: '2',
			contactId: '5',
		});
		expect(removed.items[0].json).toEqual({ listId: '2', contactId: '5', removed: true });

		const activity = await run({
			resource: 'activity',
			operation: 'create',
			contactId: String(id),
			type: 'webinar_attended',
			additionalFields: { occurredAt: '2026-05-01T10:00:00Z', properties: '{"webinar":"Q2"}' },
		});
		expect(activity.items[0].json).toMatchObject({
			contactId: id,
			type: 'webinar_attended',
			occurredAt: '2026-05-01T10:00:00.000Z',
			properties: { webinar: 'Q2' },
		});
		const activities = await run({
			resource: 'activity',
			operation: 'getMany',
			returnAll: true,
			filters: { contactId: String(id) },
		});
		expect(activities.items).toHaveLength(1);

		const deleted = await run({ resource: 'contact', operation: 'delete', contactId: String(id) });
		expect(deleted.items[0].json).toEqual({ id: String(id), deleted: true });
		const gone = await run(
			{ resource: 'contact', operation: 'get', contactId: String(id) },
			{ continueOnFail: true },
		);
		expect(gone.items[0].json.error).toBe(
			`Loyalistic answered HTTP 404 (item 0): Contact ${id} was not found.`,
		);
	});

	test('companies: create, get, update, get many', async () => {
		const { run } = setup();
		const created = await run({
			resource: 'company',
			operation: 'create',
			name: 'Acme',
			additionalFields: { domain: 'acme.test', employees: 12 },
		});
		const id = created.items[0].json.id as number;
		expect(
			(await run({ resource: 'company', operation: 'get', companyId: String(id) })).items[0].json,
		).toMatchObject({ name: 'Acme', employees: 12 });
		expect(
			(
				await run({
					resource: 'company',
					operation: 'update',
					companyId: String(id),
					updateFields: { industry: 'Anvils' },
				})
			).items[0].json.industry,
		).toBe('Anvils');
		const all = await run({ resource: 'company', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(41);
	});

	test("the API's validation answer is reported field by field; bad input is stopped before sending", async () => {
		const { run } = setup();
		const long = await run({
			resource: 'contact',
			operation: 'create',
			email: 'x@example.com',
			additionalFields: { firstName: 'x'.repeat(101) },
		});
		expect(long.error?.message).toMatch(
			/^Loyalistic answered HTTP 400 \(item 0\): The request is invalid\. contact\.firstName: String must contain at most 100 character/,
		);
		box.sim.stats.reset();
		const bad = await run({ resource: 'contact', operation: 'create', email: 'not-an-email' });
		expect(bad.error?.message).toBe('Email must be an email address, got "not-an-email" (item 0)');
		expect(box.sim.stats.total('loyalistic')).toBe(0);
		// The id type is not public: a non-numeric ID is the API's to judge, and its answer names the id.
		const badId = await run({ resource: 'contact', operation: 'get', contactId: 'abc' });
		expect(badId.error?.message).toBe(
			"Loyalistic answered HTTP 400 (item 0): The request is invalid. id: The value 'abc' is not valid for contact id.",
		);
	});

	test('a wrong secret is reported as a credential problem, without the secret', async () => {
		const { run } = setup({ clientSecret: 'wrong-secret-value' });
		const { error } = await run({ resource: 'contact', operation: 'get', contactId: '1' });
		expect(error?.message).toBe(
			'Loyalistic refused the credential: could not get an access token (invalid_client)',
		);
		expect(allText(error)).not.toContain('wrong-secret-value');
	});
});

describe("Loyalistic Account → Check API Paths (the account's Swagger document)", () => {
	afterEach(() => sim().control.setSwagger({ variant: 'matching' }));
	const CHECK = { resource: 'account', operation: 'checkPaths' };

	test('a document built from the same paths: every request is found, in plain words and as data', async () => {
		const { run } = setup();
		const { items, error } = await run(CHECK);
		expect(error).toBeUndefined();
		const sent = box.sim.stats.log.find((r) => r.route === '/v1/swagger/docs/v1');
		expect(sent?.method).toBe('GET');
		expect(sent?.headers.authorization).toMatch(/^Bearer lyl_/);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			fits: true,
			summary:
				"All 15 requests the node makes are in the API description Loyalistic serves to this credential: the node's assumed paths, methods and query parameter names fit it (body fields and answers are not compared).",
			swaggerUrl: `${box.sim.baseUrl('loyalistic')}/v1/swagger/docs/v1`,
			format: 'Swagger 2.0',
			apiTitle: 'Loyalistic API',
			apiVersion: 'v1',
			documentedOperations: 14,
			checked: 15,
			found: 15,
			missing: [],
		});
	});

	test('a differing document: the report names each missing path or method and the nearest ones the account has', async () => {
		sim().control.setSwagger({ variant: 'differing' });
		const { run } = setup();
		const { items, error } = await run(CHECK);
		expect(error).toBeUndefined();
		const report = items[0].json as unknown as PathReport;
		expect(report.fits).toBe(false);
		expect(report.found).toBe(7);
		expect(report.missing.map((m) => `${m.operation}: ${m.method} ${m.path}`)).toEqual([
			'Contact → Update: PUT /v1/contacts/{id}',
			'Company → Create: POST /v1/companies',
			'Company → Get: GET /v1/companies/{id}',
			'Company → Get Many: GET /v1/companies',
			'Company → Update: PUT /v1/companies/{id}',
			'List → Add Contacts: POST /v1/lists/{id}/contacts',
			'List → Remove Contact: DELETE /v1/lists/{id}/contacts/{contactId}',
			'Activity → Get Many: GET /v1/activities',
		]);
		const update = report.missing[0];
		expect(update.problem).toBe('the path is there, but with DELETE, GET, PATCH only, not PUT');
		expect(update.methodsOnPath).toEqual(['DELETE', 'GET', 'PATCH']);
		expect(update.closest[0]).toEqual({ method: 'PATCH', path: '/v1/contacts/{contactId}' });
		const companies = report.missing.find((m) => m.operation === 'Company → Get Many');
		expect(companies?.problem).toBe('the path is not in the API description');
		expect(companies?.closest[0]).toEqual({ method: 'GET', path: '/v1/accounts' });
		const companyUpdate = report.missing.find((m) => m.operation === 'Company → Update');
		expect(companyUpdate?.closest[0]).toEqual({ method: 'PUT', path: '/v1/accounts/{accountId}' });
		const add = report.missing.find((m) => m.operation === 'List → Add Contacts');
		expect(add?.closest[0]).toEqual({ method: 'POST', path: '/v1/lists/{listId}/members' });
		const remove = report.missing.find((m) => m.operation === 'List → Remove Contact');
		expect(remove?.closest[0]).toEqual({
			method: 'DELETE',
			path: '/v1/lists/{listId}/members/{contactId}',
		});
		expect(report.summary).toMatch(
			/^8 of the 15 requests the node makes are not in the API description Loyalistic serves to this credential: Contact → Update \(PUT \/v1\/contacts\/\{id\}\): the path is there, but with DELETE, GET, PATCH only, not PUT; nearest: PATCH \/v1\/contacts\/\{contactId\}/,
		);
		expect(report.summary).toContain(
			'Company → Get Many (GET /v1/companies): the path is not in the API description; nearest: GET /v1/accounts',
		);
		const activities = report.missing.find((m) => m.operation === 'Activity → Get Many');
		expect(activities).toMatchObject({
			problem:
				'the path and method are there, but the query parameter type is not (it lists page, pageSize, activityType, contactId)',
			queryNotListed: ['type'],
		});
		expect(report.summary).toMatch(
			/corrected in the Loyalistic node \(its TEMPLATES, CALLS and QUERY, all in one place\)\.$/,
		);

		const strict = await run({ ...CHECK, options: { failOnMismatch: true } });
		expect(strict.error?.message).toBe(report.summary);
	});

	test('an OpenAPI 3 document with its server path, and an answer that is no API description', async () => {
		sim().control.setSwagger({
			document: {
				openapi: '3.0.1',
				info: { title: 'Loyalistic', version: '1' },
				servers: [{ url: 'https://api.loyalistic.com/v1' }],
				paths: {
					'/contacts': { get: {}, post: {} },
					'/contacts/{id}': { get: {}, put: {}, delete: {} },
				},
			},
		});
		const { run } = setup();
		const { items } = await run(CHECK);
		expect(items[0].json).toMatchObject({ format: 'OpenAPI 3.0.1', found: 4, checked: 15 });
		expect((items[0].json as unknown as PathReport).missing.map((m) => m.operation)).toEqual([
			'Contact → Get by Email',
			'Contact → Get Many (and the trigger)',
			'Company → Create',
			'Company → Get',
			'Company → Get Many',
			'Company → Update',
			'List → Get Many',
			'List → Add Contacts',
			'List → Remove Contact',
			'Activity → Create',
			'Activity → Get Many',
		]);
		sim().control.setSwagger({ document: { message: 'Not here' } });
		const none = await run(CHECK);
		expect(none.error?.message).toBe(
			`The answer at ${box.sim.baseUrl('loyalistic')}/v1/swagger/docs/v1 is not a Swagger or OpenAPI document (it has no "paths") (item 0)`,
		);
	});
});
