// Resource locators: each listSearch method run as the n8n editor runs it (a LoadOptionsContext over the
// node's current parameters, with n8n's credential handling, over real HTTP against the simulator): paging,
// the search filter, an empty result, a provider error; and a picked record used by the node.
import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import { Engine, useSandbox } from './harness';
import { listSearch } from './harness/list-search';
import { must } from './harness/must';
import { demoCredentials } from './harness/sandbox';

const box = useSandbox({
	loyalistic: { contacts: 250, companies: 30 },
	loyaltylion: { customers: 260 },
});

/** A record of the simulator's seed: missing, the test fails here. */
const seeded = <K, V>(records: Map<K, V>, key: K): V =>
	must(records.get(key), `record ${String(key)}`);
const loyalisticContacts = () => ({
	get: (id: number) => seeded(box.sim.instances.loyalistic.state.contacts, id),
});
const loyaltyLionCustomers = () => ({
	get: (id: string) => seeded(box.sim.instances.loyaltylion.state.byMerchantId, id),
});

function loyalistic() {
	const engine = new Engine();
	const credentials = engine.addCredential('lyl-loc', 'loyalisticOAuth2Api', {
		apiBaseUrl: `${box.sim.baseUrl('loyalistic')}/v1`,
		accessTokenUrl: `${box.sim.baseUrl('loyalistic')}/token`,
		clientId: 'loyalistic-demo-client',
		clientSecret: 'loyalistic-demo-secret',
	});
	return {
		engine,
		credentials,
		search: (method: string, filter: string, token?: string) =>
			listSearch(engine, { type: 'loyalistic', method, credentials, filter, token }),
	};
}

function loyaltyLion() {
	const engine = new Engine();
	const credentials = engine.addCredential('ll-loc', 'loyaltyLionApi', {
		token: 'll-demo-token',
		secret: 'll-demo-site-secret',
		apiBaseUrl: `${box.sim.baseUrl('loyaltylion')}/v2`,
	});
	return {
		engine,
		credentials,
		search: (method: string, filter: string, token?: string) =>
			listSearch(engine, {
				type: 'loyaltyLion',
				method,
				credentials,
				filter,
				token,
				parameters: { authentication: 'apiToken' },
			}),
	};
}

const rl = (value: string, mode = 'list') => ({ __rl: true as const, mode, value });

describe('Loyalistic: contacts, companies and lists from a list', () => {
	test('contacts page through the whole account, 100 at a time, each page asked for once', async () => {
		const { search } = loyalistic();
		const seen: Array<string | number | boolean> = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await search('searchContacts', '', token);
			seen.push(...page.results.map((r) => r.value));
			token = page.paginationToken;
			pages++;
		} while (token);
		expect(pages).toBe(3);
		expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)));
		expect(
			box.sim.stats.log.filter((r) => r.route === '/v1/contacts').map((r) => r.query.page),
		).toEqual(['1', '2', '3']);
	});

	test('an email is searched by the API itself: one request, the one contact', async () => {
		const { search } = loyalistic();
		const email = loyalisticContacts().get(42).email;
		const page = await search('searchContacts', email.toUpperCase());
		expect(page.results).toEqual([{ name: expect.stringContaining(`<${email}>`), value: '42' }]);
		expect(page.paginationToken).toBeUndefined();
		expect(
			box.sim.stats.log.filter((r) => r.route === '/v1/contacts').map((r) => r.query.email),
		).toEqual([email]);
	});

	test('a name matches within each page; nothing found is an empty list, not an error', async () => {
		const { search } = loyalistic();
		const lastName = must(loyalisticContacts().get(7).lastName, 'contact 7 last name');
		const page = await search('searchContacts', lastName.toLowerCase());
		expect(page.results.length).toBeGreaterThan(0);
		expect(page.results.every((r) => r.name.toLowerCase().includes(lastName.toLowerCase()))).toBe(
			true,
		);
		expect(await search('searchContacts', 'nobody@nowhere.example')).toEqual({ results: [] });
		expect((await search('searchCompanies', 'no such company')).results).toEqual([]);
	});

	test('companies and lists: names, and segments marked read-only', async () => {
		const { search } = loyalistic();
		const companies = await search('searchCompanies', 'company 2');
		expect(companies.results.map((r) => r.name)).toEqual([
			'Company 2',
			'Company 20',
			'Company 21',
			'Company 22',
			'Company 23',
			'Company 24',
			'Company 25',
			'Company 26',
			'Company 27',
			'Company 28',
			'Company 29',
		]);
		const lists = await search('searchLists', '');
		expect(lists.results).toContainEqual({ name: 'Churn risk (segment)', value: '5' });
		expect(lists.results).toContainEqual({ name: 'Newsletter', value: '1' });
	});

	test('a provider error reaches the dropdown as an error that says what happened, not a crash', async () => {
		const { search } = loyalistic();
		box.sim.faults.add('loyalistic', { type: 'status', status: 403, count: 1, path: '/v1/lists' });
		await expect(search('searchLists', '')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: expect.stringMatching(/^Loyalistic answered HTTP 403/),
		});
	});

	test('a contact picked from the list is the one the node sends; By ID and an ID mapped as text work too', async () => {
		const { engine, credentials } = loyalistic();
		const run = (contactId: NodeParameterValueType) =>
			engine.runNode({
				type: 'loyalistic',
				credentials,
				parameters: { resource: 'contact', operation: 'get', contactId },
			});
		for (const value of [rl('42'), rl('43', 'id'), '44', rl('={{ 40 + 5 }}', 'id')]) {
			const { error } = await run(value);
			expect(error).toBeUndefined();
		}
		expect(
			box.sim.stats.log
				.filter((r) => r.route === '/v1/contacts/:id')
				.map((r) => r.path.split('/').pop()),
		).toEqual(['42', '43', '44', '45']);
		// Typed By ID, a value that is not an ID never starts the run (n8n checks the mode's pattern); mapped by an
		// expression, the node refuses it before sending.
		await expect(run(rl('..', 'id'))).rejects.toThrow(
			/A Loyalistic ID is letters, digits, dashes or underscores/,
		);
		const bad = await run(rl('={{ ".." }}', 'id'));
		expect(must(bad.error, 'the error').message).toMatch(/^Contact ID .*\(item 0\)$/);
	});
});

describe('LoyaltyLion: customers from a list', () => {
	test('the API searches by email; pages follow its cursor', async () => {
		const { search } = loyaltyLion();
		const first = await search('searchCustomers', '');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await search('searchCustomers', '', first.paginationToken);
		expect(second.results).toHaveLength(100);
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(200);
		const one = await search('searchCustomers', 'shopper7@example.com');
		expect(one.results).toEqual([{ name: 'shopper7@example.com (cust-7)', value: 'cust-7' }]);
		expect(one.paginationToken).toBeUndefined();
		expect(
			box.sim.stats.log
				.filter((r) => r.route === '/v2/customers')
				.map((r) => r.query.email ?? null),
		).toEqual([null, null, 'shopper7@example.com']);
		expect(await search('searchCustomers', 'nobody@nowhere.example')).toEqual({ results: [] });
	});

	test('a customer picked from the list gets the points', async () => {
		const { engine, credentials } = loyaltyLion();
		const before = loyaltyLionCustomers().get('cust-9').points_approved;
		const { error } = await engine.runNode({
			type: 'loyaltyLion',
			credentials,
			parameters: {
				authentication: 'apiToken',
				resource: 'points',
				operation: 'add',
				merchantId: rl('cust-9'),
				points: 5,
			},
		});
		expect(error).toBeUndefined();
		expect(loyaltyLionCustomers().get('cust-9').points_approved).toBe(before + 5);
	});
});

describe('LoyaltyLion: rewards the chosen customer can claim', () => {
	test('listed for the customer in the Customer field, searchable by title; without a customer, a clear error', async () => {
		const { engine, credentials } = loyaltyLion();
		const customer = loyaltyLionCustomers().get('cust-11');
		customer.points_approved = 1000;
		const search = (merchantId: NodeParameterValueType, filter: string) =>
			listSearch(engine, {
				type: 'loyaltyLion',
				method: 'searchAvailableRewards',
				credentials,
				filter,
				parameters: {
					authentication: 'apiToken',
					resource: 'reward',
					operation: 'claim',
					merchantId,
				},
			});
		const all = await search(rl('cust-11'), '');
		// list-available-rewards returns every enabled reward of the customer's tier, affordable or not.
		expect(all.results).toEqual(
			expect.arrayContaining([
				{ name: '$5 voucher (500 points)', value: '101' },
				{ name: '$10 voucher (900 points)', value: '102' },
				{ name: 'Free shipping (300 points)', value: '103' },
				{ name: 'Free canvas tote (5000 points)', value: '104' },
			]),
		);
		expect((await search(rl('cust-11'), 'ship')).results.map((r) => r.value)).toEqual(['103']);
		expect((await search(rl('cust-11'), 'no such reward')).results).toEqual([]);
		await expect(search(rl(''), '')).rejects.toMatchObject({
			message: 'Choose the customer first',
		});
		const { error } = await engine.runNode({
			type: 'loyaltyLion',
			credentials,
			parameters: {
				authentication: 'apiToken',
				resource: 'reward',
				operation: 'claim',
				merchantId: rl('cust-11'),
				rewardId: rl('103'),
			},
		});
		expect(error).toBeUndefined();
		expect(
			must(
				box.sim.stats.log.find((r) => r.route === '/v2/customers/:merchantId/claimed_rewards'),
				'the claim request',
			).body,
		).toEqual({ reward_id: 103 });
	});
});

function frederick() {
	const engine = new Engine();
	const demo = must(
		demoCredentials(box.sim.baseUrl).find((c) => c.type === 'frederickApi'),
		'the Frederick demo credential',
	);
	const credentials = engine.addCredential(demo.id, demo.type, demo.data as IDataObject, demo.name);
	return {
		engine,
		credentials,
		search: (
			method: string,
			filter: string,
			token?: string,
			parameters: INodeParameters = { locationId: { __rl: true, mode: 'id', value: 'loc_1' } },
		) => listSearch(engine, { type: 'frederick', method, credentials, filter, token, parameters }),
	};
}

describe('Frederick: locations and contacts from a list', () => {
	test('contacts of the chosen location follow links.next page by page; an email is searched by the API (filter.email); a name page by page', async () => {
		const { search } = frederick();
		const first = await search('searchContacts', '');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toMatch(/\/v2\/locations\/loc_1\/contacts\?page\.number=2/);
		const second = await search('searchContacts', '', first.paginationToken);
		expect(second.results[0].value).toBe('ct_101');
		const one = await search('searchContacts', 'client5@example.com');
		expect(one.results).toEqual([{ name: 'Client5 Example <client5@example.com>', value: 'ct_5' }]);
		expect(
			box.sim.stats.log
				.filter((r) => r.route === '/v2/locations/:locationId/contacts')
				.map((r) => [
					r.method,
					r.headers['x-request-method'],
					(r.body as IDataObject)['filter.email'] ?? null,
				]),
		).toEqual([
			['POST', 'GET', null],
			['POST', 'GET', null],
			['POST', 'GET', 'client5@example.com'],
		]);
		const byName = await search('searchContacts', 'client12');
		expect(byName.results.map((r) => r.value)).toEqual(['ct_12']);
		expect(await search('searchContacts', 'nobody@nowhere.example')).toEqual({ results: [] });
		await expect(search('searchContacts', '', undefined, {})).rejects.toThrow(
			'Choose the Location first: contacts are listed per location',
		);
		await expect(search('searchContacts', '', undefined, {})).rejects.toThrow(
			'Choose the Location first: contacts are listed per location',
		);
	});

	test("a contact created with a name and no first or last name (the client library's one contact attribute) is listed by its name", async () => {
		const { search, engine, credentials } = frederick();
		const { items, error } = await engine.runNode({
			type: 'frederick',
			credentials,
			parameters: {
				resource: 'contact',
				operation: 'create',
				locationId: { __rl: true, mode: 'id', value: 'loc_1' },
				contactFields: { name: 'Ada Lovelace', email: 'ada@example.com' },
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			name: 'Ada Lovelace',
			first_name: null,
			last_name: null,
		});
		expect((await search('searchContacts', 'ada@example.com')).results).toEqual([
			{ name: 'Ada Lovelace <ada@example.com>', value: items[0].json.id },
		]);
	});

	test('locations are the ones the credential reaches; an error names the provider and status', async () => {
		const { search } = frederick();
		const locations = await search('searchLocations', '');
		expect(locations.results.length).toBeGreaterThan(0);
		expect(locations.results[0].value).toBe('loc_1');
		box.sim.faults.add('frederick', {
			type: 'status',
			status: 403,
			count: 1,
			path: '/v2/locations',
		});
		await expect(search('searchLocations', '')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: expect.stringMatching(/^Frederick answered HTTP 403/),
		});
	});
});

describe('Loyalife: a member by lookup', () => {
	function loyalife() {
		const engine = new Engine();
		const demo = must(
			demoCredentials(box.sim.baseUrl).find((c) => c.type === 'loyalifeApi'),
			'the Loyalife demo credential',
		);
		const credentials = engine.addCredential(
			demo.id,
			demo.type,
			demo.data as IDataObject,
			demo.name,
		);
		return {
			engine,
			credentials,
			search: (filter: string) =>
				listSearch(engine, { type: 'loyalife', method: 'searchMembers', credentials, filter }),
		};
	}

	test('by email, mobile number or relation reference; nothing typed or no such member is an empty list; an HTTP error is an error', async () => {
		const { search } = loyalife();
		expect(await search('member3@example.com')).toEqual({
			results: [{ name: 'Member 3 · member3@example.com (MEM0003)', value: 'MEM0003' }],
		});
		expect((await search('MEM0004')).results.map((r) => r.value)).toEqual(['MEM0004']);
		// An email by Get Member by Attribute (email_id); anything else as a relation reference by Get Profile.
		const lookups = box.sim.stats.log
			.filter((r) => r.path.includes('/Member/'))
			.map((r) => [
				r.path.split('/').at(-1),
				r.query.pstrAttributeName ?? r.query.RelationReference,
			]);
		expect(lookups).toEqual([
			['GetMemberDetailsByUniqueAttribute', 'email_id'],
			['GetMemberProfile', 'MEM0004'],
		]);
		expect((await search('+919876500005')).results.map((r) => r.value)).toEqual(['MEM0005']);
		expect(await search('')).toEqual({ results: [] });
		expect(await search('nobody@nowhere.example')).toEqual({ results: [] });
		box.sim.faults.add('loyalife', {
			type: 'status',
			status: 403,
			count: 1,
			path: 'GetMemberDetails',
		});
		await expect(search('member3@example.com')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: expect.stringMatching(/^Loyalife answered HTTP 403/),
		});
	});

	test('a mobile number typed with spaces, dashes or parentheses is sent as its digits, the leading + kept', async () => {
		const { search } = loyalife();
		expect((await search('+91 (98765) 000-05')).results.map((r) => r.value)).toEqual(['MEM0005']);
		expect((await search('91 98765 00006')).results).toEqual([]);
		const sent = box.sim.stats.log
			.filter((r) => r.path.endsWith('GetMemberDetailsByUniqueAttribute'))
			.map((r) => [r.query.pstrAttributeName, r.query.pstrAttributeValue]);
		expect(sent).toEqual([
			['mobile_number', '+919876500005'],
			['mobile_number', '919876500006'],
		]);
	});
});

describe('LoyaltyLion: orders from a list', () => {
	test('orders LoyaltyLion holds, newest first, matched by number or email; an update goes to the one picked', async () => {
		const { engine, credentials, search } = loyaltyLion();
		const run = (parameters: INodeParameters) =>
			engine.runNode({
				type: 'loyaltyLion',
				credentials,
				parameters: { authentication: 'apiToken', ...parameters },
			});
		for (const [id, customer] of [
			['loc-ord-1', 'cust-21'],
			['loc-ord-2', 'cust-22'],
		]) {
			const { error } = await run({
				resource: 'order',
				operation: 'create',
				orderId: id,
				customerId: customer,
				customerEmail: `shopper${customer.slice(5)}@example.com`,
				total: '20.00',
				totalShipping: '0',
				paymentStatus: 'paid',
				additionalFields: { merchant_number: `#${id}` },
			});
			expect(error).toBeUndefined();
		}
		const all = await search('searchOrders', '');
		expect(all.results.map((r) => r.value)).toEqual(
			expect.arrayContaining(['loc-ord-1', 'loc-ord-2']),
		);
		expect(
			must(
				all.results.find((r) => r.value === 'loc-ord-2'),
				'order loc-ord-2',
			).name,
		).toBe('#loc-ord-2 · shopper22@example.com · 20.00');
		expect((await search('searchOrders', 'shopper21@')).results.map((r) => r.value)).toContain(
			'loc-ord-1',
		);
		expect((await search('searchOrders', 'shopper21@')).results.map((r) => r.value)).not.toContain(
			'loc-ord-2',
		);
		expect((await search('searchOrders', 'no such order')).results).toEqual([]);
		const { error } = await run({
			resource: 'order',
			operation: 'update',
			orderId: rl('loc-ord-2'),
			paymentStatus: 'paid',
			refundStatus: 'not_refunded',
			cancellationStatus: 'not_cancelled',
			totalPaid: '20.00',
			totalRefunded: '0',
		});
		expect(error).toBeUndefined();
		expect(box.sim.stats.log.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
			'/loyaltylion/v2/orders/loc-ord-2',
		]);
	});
});

describe('Frederick: the contact list of a new campaign from a list', () => {
	test('contact lists of the chosen location, by name; the one picked, one typed By ID and a plain saved ID reach the API', async () => {
		const { engine, credentials, search } = frederick();
		const all = await search('searchContactLists', '');
		expect(all).toEqual({
			results: [
				{ name: 'All clients', value: 'cl_1' },
				{ name: 'Lapsed 90 days', value: 'cl_2' },
			],
		});
		expect((await search('searchContactLists', 'lapsed')).results).toEqual([
			{ name: 'Lapsed 90 days', value: 'cl_2' },
		]);
		expect(await search('searchContactLists', 'no such list')).toEqual({ results: [] });
		await expect(search('searchContactLists', '', undefined, {})).rejects.toThrow(
			'Choose the Location first: contact lists are listed per location',
		);
		for (const contactList of [rl('cl_2'), rl('cl_1', 'id'), 'cl_2']) {
			const { error } = await engine.runNode({
				type: 'frederick',
				credentials,
				parameters: {
					resource: 'campaign',
					operation: 'create',
					locationId: rl('loc_1'),
					name: 'Spring offer',
					additionalFields: { contact_list_id: contactList },
				},
			});
			expect(error).toBeUndefined();
		}
		expect(
			box.sim.stats.log
				.filter((r) => r.method === 'POST' && r.route === '/v2/locations/:locationId/campaigns')
				.map(
					(r) =>
						(r.body as { data: { attributes: { contact_list_id: string } } }).data.attributes
							.contact_list_id,
				),
		).toEqual(['cl_2', 'cl_1', 'cl_2']);
	});
});

describe('Loyalistic: activities of a contact picked from the list', () => {
	test('the Contact filter sends the picked contact, and a plain ID saved before the picker', async () => {
		const { engine, credentials } = loyalistic();
		for (const contactId of [rl('42'), rl('43', 'id'), '44']) {
			const { error } = await engine.runNode({
				type: 'loyalistic',
				credentials,
				parameters: {
					resource: 'activity',
					operation: 'getMany',
					returnAll: false,
					limit: 5,
					filters: { contactId },
				},
			});
			expect(error).toBeUndefined();
		}
		expect(
			box.sim.stats.log.filter((r) => r.route === '/v1/activities').map((r) => r.query.contactId),
		).toEqual(['42', '43', '44']);
	});
});

describe('LoyaltyLion: the customer of an activity or order from a list', () => {
	test('Activity → Create and Order → Create send the customer picked, as customer_id', async () => {
		const { engine, credentials } = loyaltyLion();
		const run = (parameters: INodeParameters) =>
			engine.runNode({
				type: 'loyaltyLion',
				credentials,
				parameters: { authentication: 'apiToken', ...parameters },
			});
		expect(
			(
				await run({
					resource: 'activity',
					operation: 'create',
					name: 'clickthrough',
					customerId: rl('cust-31'),
					customerEmail: 'shopper31@example.com',
				})
			).error,
		).toBeUndefined();
		expect(
			(
				await run({
					resource: 'order',
					operation: 'create',
					orderId: 'loc-ord-31',
					customerId: rl('cust-32', 'id'),
					customerEmail: 'shopper32@example.com',
					total: '20.00',
					totalShipping: '0',
					paymentStatus: 'paid',
				})
			).error,
		).toBeUndefined();
		expect(
			box.sim.stats.log
				.filter((r) => r.method === 'POST' && ['/v2/activities', '/v2/orders'].includes(r.route))
				.map((r) => [r.route, (r.body as IDataObject).customer_id]),
		).toEqual([
			['/v2/activities', 'cust-31'],
			['/v2/orders', 'cust-32'],
		]);
	});
});
