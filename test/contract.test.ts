// The simulator holds us to the providers' references: each request the nodes used to send, and
// that the published reference says is wrong, is sent here again, as it was, straight to the simulator, and
// must be refused naming what is wrong. If a node ever sent one again, its tests would fail the same way.
import { useSandbox } from './harness';
import { demoCredentials } from './harness/sandbox';

/** A value a test goes on to read: missing, the test fails here. */
function must<T>(value: T | null | undefined, what: string): T {
	if (value === null || value === undefined) throw new Error(`${what} is missing`);
	return value;
}

/** The answers' fields this file reads, across the providers (each test reads only its provider's). */
interface Answer {
	error: { details: Record<string, string> };
	results: { token: string; ExceptionMessage: string; IsSucessful: boolean; ReturnObject: unknown };
	customers: Array<{
		loyalty_tier_membership?: { loyalty_tier: { name: string }; tier?: unknown };
	}>;
	access_token: string;
	url: string;
}

/** One route the simulator serves, as GET /__control/routes lists it. */
interface Route {
	provider: string;
	method: string;
	pattern: string;
	source: string;
}

interface CallOptions {
	headers?: Record<string, string>;
	body?: unknown;
	form?: Record<string, string>;
}

const box = useSandbox();
// The demo credentials' fields, read as strings (they go into URLs, headers and bodies).
const cred = (type: string) =>
	must(
		demoCredentials(box.sim.baseUrl).find((c) => c.type === type),
		`the demo credential of type ${type}`,
	).data as Record<string, string>;

async function call(method: string, url: string, { headers = {}, body, form }: CallOptions = {}) {
	const init: { method: string; headers: Record<string, string>; body?: string } = {
		method,
		headers: { Accept: 'application/json', ...headers },
	};
	if (form) {
		init.body = new URLSearchParams(form).toString();
		init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
	} else if (body !== undefined) {
		init.body = JSON.stringify(body);
		init.headers['Content-Type'] = 'application/json';
	}
	const res = await fetch(url, init);
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: res.status, body: json as Answer, text };
}

test('every route the simulator serves names its source: a reference page, a seed document, or "assumed: why"', async () => {
	const routes = (await (await fetch(`${box.sim.url}/__control/routes`)).json()) as Route[];
	expect(routes.length).toBeGreaterThanOrEqual(60);
	const pages: Record<string, string> = {
		loyaltylion: 'developers.loyaltylion.com',
		loyalife: 'help-loyalife.xoxoday.com',
		cardlytics: 'platform.cardlytics.com',
		frederick: 'developers.hirefrederick.com',
		loyalistic: 'help.loyalistic.com',
	};
	for (const r of routes) {
		const ok =
			r.source.startsWith(`https://${pages[r.provider]}`) ||
			/^assumed: \S/.test(r.source) ||
			/^seed \d{3}/.test(r.source);
		expect([r.provider, r.method, r.pattern, ok]).toEqual([r.provider, r.method, r.pattern, true]);
	}
	// The routes once got wrong cite their pages.
	const source = (provider: string, method: string, pattern: string) =>
		routes.find((r) => r.provider === provider && r.method === method && r.pattern === pattern)
			?.source;
	expect(source('loyaltylion', 'PATCH', '/v2/customers/:merchantId')).toBe(
		'https://developers.loyaltylion.com/api-reference/v2/resources/customers/update-customer',
	);
	expect(source('loyaltylion', 'PUT', '/v2/orders/:merchantId')).toBe(
		'https://developers.loyaltylion.com/api-reference/v2/resources/orders/update-order',
	);
	expect(
		source(
			'loyalife',
			'POST',
			'/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2',
		),
	).toBe('https://help-loyalife.xoxoday.com/api-reference/transactions/insert-transaction-v2');
	expect(source('cardlytics', 'PUT', '/api/v1/partner/merchants/:merchantId/offers/:offerId')).toBe(
		'https://platform.cardlytics.com/advertisers/docs/api-offer-ingestion; assumed: the 404 for an unknown merchant',
	);
	expect(source('frederick', 'POST', '/locations/:locationId/services/batch_sync_services')).toBe(
		'https://developers.hirefrederick.com/api-docs/syncing-data (path only; method, body, limits and answer assumed)',
	);
});

describe('LoyaltyLion (developers.loyaltylion.com/api-reference/v2/resources/...)', () => {
	const auth = () => {
		const c = cred('loyaltyLionApi');
		return {
			headers: {
				Authorization: `Basic ${Buffer.from(`${c.token}:${c.secret}`).toString('base64')}`,
			},
			base: c.apiBaseUrl,
		};
	};

	test('path ids of the wrong kind are refused naming the path parameter (refund-reward, create-webview-session)', async () => {
		const c = cred('loyaltyLionApiKeyApi');
		const headers = { Authorization: `Bearer ${c.apiKey}` };
		const refund = await call(
			'POST',
			`${c.apiBaseUrl}/customers/cust-1/claimed_rewards/free-ship/refund`,
			{
				headers,
			},
		);
		expect(refund.status).toBe(400);
		expect(refund.body.error.details).toEqual({
			claimed_reward_id: 'must be LoyaltyLion\'s integer id of a claimed reward, got "free-ship"',
		});
		const session = await call('POST', `${c.apiBaseUrl}/sites/US/webviews/sessions`, {
			headers,
			body: { channel: 'kiosk', customer: { merchant_id: 'cust-1' } },
		});
		expect(session.status).toBe(400);
		expect(Object.keys(session.body.error.details)).toEqual(['site_id']);
	});

	test('customers/update-customer: PUT is not the method; email is not a field', async () => {
		const { headers, base } = auth();
		const put = await call('PUT', `${base}/customers/cust-1`, {
			headers,
			body: { customer: { email: 'x@example.com' } },
		});
		expect(put.status).toBe(405);
		const patch = await call('PATCH', `${base}/customers/cust-1`, {
			headers,
			body: { customer: { email: 'x@example.com' } },
		});
		expect(patch.status).toBe(400);
		expect(JSON.stringify(patch.body.error.details)).toMatch(
			/customer.*email|Unrecognized key.*email/,
		);
	});

	test('orders/create-order: customer_id, total_shipping and payment_status are required', async () => {
		const { headers, base } = auth();
		const old = await call('POST', `${base}/orders`, {
			headers,
			body: { merchant_id: 'old-1', customer_email: 'a@example.com', total: '10.00' },
		});
		expect(old.status).toBe(400);
		expect(Object.keys(old.body.error.details).sort()).toEqual([
			'customer_id',
			'payment_status',
			'total_shipping',
		]);
	});

	test('orders/update-order: a partial update is refused; there is no /cancel or /refund path', async () => {
		const { headers, base } = auth();
		const ok = await call('POST', `${base}/orders`, {
			headers,
			body: {
				merchant_id: 'old-2',
				customer_id: 'cust-1',
				customer_email: 'a@example.com',
				total: '10.00',
				total_shipping: '0',
				payment_status: 'paid',
			},
		});
		expect(ok.status).toBe(201);
		const partial = await call('PUT', `${base}/orders/old-2`, {
			headers,
			body: { total_shipping: '4.90' },
		});
		expect(partial.status).toBe(400);
		expect(Object.keys(partial.body.error.details)).toEqual(
			expect.arrayContaining([
				'payment_status',
				'refund_status',
				'cancellation_status',
				'total_paid',
				'total_refunded',
			]),
		);
		expect((await call('POST', `${base}/orders/old-2/cancel`, { headers })).status).toBe(404);
		expect(
			(
				await call('POST', `${base}/orders/old-2/refund`, {
					headers,
					body: { total_refunded: '1.00' },
				})
			).status,
		).toBe(404);
	});

	test("transactions/list-transactions: customer_id is LoyaltyLion's numeric id, not the store's merchant id", async () => {
		const { headers, base } = auth();
		const old = await call('GET', `${base}/transactions?customer_id=cust-1`, { headers });
		expect(old.status).toBe(400);
		expect(old.body.error.details).toHaveProperty('customer_id');
	});

	test('customers carry the tier at loyalty_tier_membership.loyalty_tier (not .tier)', async () => {
		const { headers, base } = auth();
		const { body } = await call('GET', `${base}/customers?limit=20`, { headers });
		const member = must(
			body.customers.find((c) => c.loyalty_tier_membership),
			'a customer with a tier',
		);
		expect(must(member.loyalty_tier_membership, 'the tier membership').loyalty_tier.name).toEqual(
			expect.any(String),
		);
		expect(must(member.loyalty_tier_membership, 'the tier membership').tier).toBeUndefined();
	});
});

describe('Loyalife (help-loyalife.xoxoday.com/api-reference/...)', () => {
	async function token() {
		const c = cred('loyalifeApi');
		const { body } = await call('POST', `${c.baseUrl}/lbms-ingress/oauth/api/Auth/Token`, {
			body: {
				grant_type: 'client_credentials',
				client_id: c.clientId,
				client_secret: c.clientSecret,
			},
		});
		return {
			headers: { Authorization: `bearer ${body.results.token}` },
			base: `${c.baseUrl}/lbms-ingress`,
			program: c.programId,
		};
	}
	const tx = (extra: Record<string, unknown> = {}) => ({
		transaction_id: 'OLD-1',
		amount: 100,
		transaction_date: '2026-02-01',
		product_code: 'CARD',
		member_relation_reference: 'MEM0001',
		transaction_type: 'DR',
		...extra,
	});

	test('insert-transaction-v2: the idempotency key as a header is refused, and the type is written dr/cr', async () => {
		const { headers, base } = await token();
		const url = `${base}/transaction-lm/API/Transaction/InsertTransactionDataV2`;
		const header = await call('POST', url, {
			headers: { ...headers, _xoxo_api_client_idempotency: 'n8n-abc' },
			body: [tx({ transaction_type: 'dr' })],
		});
		expect(header.status).toBe(400);
		expect(header.body.results.ExceptionMessage).toMatch(
			/_xoxo_api_client_idempotency is a field of each transaction object, not a header/,
		);
		const upper = await call('POST', url, { headers, body: [tx()] });
		expect(upper.status).toBe(400);
		expect(upper.body.results.ExceptionMessage).toMatch(/transaction_type must be dr/);
	});

	test('insert-transaction: the program id is sent; CR is a reversal that takes points back', async () => {
		const { headers, base, program } = await token();
		const url = `${base}/transaction-lm/API/Transaction/InsertTransactionData`;
		const noProgram = await call('POST', url, { headers, body: tx() });
		expect(noProgram.body.results).toMatchObject({
			IsSucessful: false,
			ExceptionMessage: 'pintProgramId is required',
		});
		const before = box.sim.instances.loyalife.pointsOf('MEM0001');
		const reversal = await call('POST', `${url}?pintProgramId=${program}`, {
			headers,
			body: tx({ transaction_id: 'OLD-2', transaction_type: 'CR', amount: 200 }),
		});
		expect(reversal.body.results).toMatchObject({ IsSucessful: true, ReturnObject: true });
		expect(box.sim.instances.loyalife.pointsOf('MEM0001')).toBe(before - 20);
	});

	test('member lookup names the attribute by its key, never "Email"', async () => {
		const { headers, base, program } = await token();
		const old = await call(
			'GET',
			`${base}/member/api/Member/GetMemberDetailsByUniqueAttribute?pintProgramId=${program}&pstrAttributeName=Email&pstrAttributeValue=member1@example.com`,
			{ headers },
		);
		expect(old.body.results).toMatchObject({ IsSucessful: false });
		expect(old.body.results.ExceptionMessage).toMatch(
			/pstrAttributeName Email is not an attribute of this program \(use the attribute key, e\.g\. email_id, mobile_number\)/,
		);
	});
});

describe('Cardlytics (OpenAPI partner-api 2025-10-07, platform.cardlytics.com/advertisers/docs/...)', () => {
	const session = async () => {
		const c = cred('cardlyticsOAuth2Api');
		const token = await call('POST', `${c.customBaseUrl}/api/v1/idp/oauth2/token`, {
			form: {
				client_id: c.clientId,
				client_secret: c.clientSecret,
				grant_type: 'client_credentials',
			},
		});
		const headers = { Authorization: `Bearer ${token.body.access_token}` };
		return (method: string, path: string, body?: unknown) =>
			call(method, `${c.customBaseUrl}${path}`, { headers, body });
	};
	const store = {
		storeId: 's-1',
		storeName: 'Store',
		address1: '1 Main St',
		city: 'SPRINGFIELD',
		state: 'IL',
		postalCode: '62701',
		countryCode: 'US',
		processorMidChangedFlag: 'N',
		processorMidRecords: [
			{
				paymentNetwork: 'Visa',
				processors: [{ processorName: 'UNKNOWN', visaMids: [{ vmid: 'V', vsid: 'S' }] }],
			},
		],
	};
	const merchantBody = (extra: Record<string, unknown> = {}) => ({
		merchantId: 'old-m',
		merchantName: 'Old',
		paymentChannels: ['online'],
		stores: [store],
		...extra,
	});

	test('merchants: stores with MID records required, schema field names, MCC as the OpenAPI number', async () => {
		const send = await session();
		const put = (body: unknown) => send('PUT', '/api/v1/partner/merchants/old-m', body);
		expect((await put(merchantBody({ merchantCategoryCode: 5812 }))).status).toBe(202);
		const refused: Array<[Record<string, unknown>, RegExp]> = [
			[{ stores: undefined }, /stores: stores is required/],
			[{ stores: [] }, /stores: stores needs at least one store/],
			[
				{ merchantCategoryCode: '5812' },
				/merchantCategoryCode: merchantCategoryCode must be a number/,
			],
			// The store fields this node once sent.
			[
				{ stores: [{ ...store, name: 'Store', address: '1 Main St' }] },
				/stores\.0: Unrecognized key\(s\) in object: 'name', 'address'/,
			],
			[
				{ stores: [{ ...store, processorMidRecords: [] }] },
				/stores\.0\.processorMidRecords: processorMidRecords needs at least one MID record/,
			],
			[
				{ stores: [{ ...store, processorMidRecords: undefined }] },
				/stores\.0\.processorMidRecords: processorMidRecords is required/,
			],
			[
				{ stores: [{ ...store, processorMidChangedFlag: 'yes' }] },
				/stores\.0\.processorMidChangedFlag: processorMidChangedFlag must be Y or N/,
			],
			[
				{
					stores: [
						{ ...store, processorMidRecords: [{ paymentNetwork: 'Mastercard', processors: [] }] },
					],
				},
				/stores\.0\.processorMidRecords\.0\.paymentNetwork: paymentNetwork must be one of Visa, MasterCard/,
			],
			[
				{
					stores: [
						{
							...store,
							processorMidRecords: [
								{
									paymentNetwork: 'MasterCard',
									processors: [{ processorName: 'UNKNOWN', visaMids: [{ vmid: 'V', vsid: 'S' }] }],
								},
							],
						},
					],
				},
				/processors\.0\.mcAuthMids\|mcClearingMids: a MasterCard processor needs mcAuthMids or mcClearingMids/,
			],
			[{ merchantStatus: 'UPSERT' }, /Unrecognized key\(s\) in object: 'merchantStatus'/],
			[{ paymentChannels: ['in-store'] }, /paymentChannels\.0/],
		];
		for (const [extra, message] of refused) {
			const answer = await put(merchantBody(extra));
			expect([answer.status, answer.text]).toEqual([400, expect.stringMatching(message)]);
		}
		const mismatch = await send('PUT', '/api/v1/partner/merchants/other', merchantBody());
		expect(mismatch.status).toBe(400);
		expect((await send('POST', '/api/v1/partner/merchants/old-m', merchantBody())).status).toBe(
			405,
		);
	});

	test('offers: assets.logo = {type, url} is refused; largeRectangle is required; no fields beyond the schema', async () => {
		const send = await session();
		expect((await send('PUT', '/api/v1/partner/merchants/old-m', merchantBody())).status).toBe(202);
		const old = await send('PUT', '/api/v1/partner/merchants/old-m/offers/old-o', {
			offerId: 'old-o',
			merchantId: 'old-m',
			offerName: 'Old',
			assets: { logo: { type: 'IMAGE', url: 'https://example.com/logo.png' } },
		});
		expect(old.status).toBe(400);
		expect(old.text).toMatch(/assets\.logo/);
		expect(old.text).toMatch(/assets\.largeRectangle/);
		const image = { type: 'IMAGE', value: { large: { url: 'https://example.com/l.png' } } };
		const extra = await send('PUT', '/api/v1/partner/merchants/old-m/offers/old-o', {
			offerId: 'old-o',
			merchantId: 'old-m',
			offerName: 'Old',
			assets: { logo: image, largeRectangle: image },
			terms: 'x',
		});
		expect([extra.status, extra.text]).toEqual([400, expect.stringMatching(/'terms'/)]);
	});

	test('reports: every field optional, a timeRange needs both ends, at most 1000 offer ids, two years back', async () => {
		const send = await session();
		expect((await send('PUT', '/api/v1/partner/merchants/old-m', merchantBody())).status).toBe(202);
		const report = (body: unknown) => send('POST', '/api/v1/partner/merchants/old-m/reports', body);
		expect((await report({})).status).toBe(200);
		const refused: Array<[Record<string, unknown>, RegExp]> = [
			[
				{ timeRange: { from: '2026-01-01' } },
				/timeRange\.to: timeRange\.to is required once timeRange is sent/,
			],
			[
				{ offerIds: Array.from({ length: 1001 }, (_, n) => `o-${n}`) },
				/offerIds: offerIds may hold at most 1000 offer ids/,
			],
			[{ cube: 'offers' }, /cube: cube must be \\"merchant_performance/],
			[{ timeRange: { from: '2020-01-01', to: '2020-01-02' } }, /two years back/],
			[{ merchantId: 'old-m' }, /Unrecognized key\(s\) in object: 'merchantId'/],
		];
		for (const [body, message] of refused) {
			const answer = await report(body);
			expect([answer.status, answer.text]).toEqual([400, expect.stringMatching(message)]);
		}
		expect((await report(undefined)).status).toBe(400);
	});

	test('redemptions: date only, a past day; the answer is the url alone, as the OpenAPI defines it', async () => {
		const send = await session();
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		const ok = await send('GET', `/api/v1/partner/redemptions?date=${yesterday}`);
		expect(Object.keys(ok.body)).toEqual(['url']);
		const today = new Date().toISOString().slice(0, 10);
		const refused: Array<[string, RegExp]> = [
			[`date=${today}`, /date must be in the past/],
			['date=2026-1-2', /date is required as YYYY-MM-DD/],
			[`date=${yesterday}&merchantId=m`, /merchantId is not a query parameter/],
		];
		for (const [query, message] of refused) {
			const answer = await send('GET', `/api/v1/partner/redemptions?${query}`);
			expect([answer.status, answer.text]).toEqual([400, expect.stringMatching(message)]);
		}
	});
});

describe('Frederick (developers.hirefrederick.com/api-docs/syncing-data)', () => {
	test('the sync methods have no /v2 prefix', async () => {
		const c = cred('frederickApi');
		const key = { 'x-api-key': c.apiKey };
		const user = await call('POST', `${c.customBaseUrl}/oauth/token`, {
			headers: key,
			body: {
				email: c.email,
				password: c.password,
				client_id: c.clientId,
				client_secret: c.clientSecret,
			},
		});
		const location = await call('POST', `${c.customBaseUrl}/oauth/location_token`, {
			headers: { ...key, Authorization: `Bearer ${user.body.access_token}` },
			body: { client_id: c.clientId, client_secret: c.clientSecret },
		});
		const headers = {
			...key,
			Authorization: `Bearer ${location.body.access_token}`,
			'Content-Type': 'application/vnd.api+json',
		};
		const body = {
			data: [{ type: 'services', attributes: { external_id: 'svc-old', name: 'Old' } }],
		};
		const old = await call(
			'POST',
			`${c.customBaseUrl}/v2/locations/loc_1/services/batch_sync_services`,
			{ headers, body },
		);
		expect(old.status).toBe(404);
		const documented = await call(
			'POST',
			`${c.customBaseUrl}/locations/loc_1/services/batch_sync_services`,
			{ headers, body },
		);
		expect(documented.status).toBe(200);
	});
});
