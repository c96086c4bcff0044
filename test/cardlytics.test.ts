import type {
	IBinaryData,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	NodeApiError,
} from 'n8n-workflow';
import example from '../examples/cardlytics-offer-report.json';
import { Engine, useSandbox, allText, type RunNodeOptions } from './harness';
import { must } from './harness/must';
import type { Offer } from '../sandbox/src/providers/cardlytics/state.cjs';

const CLIENT_ID = 'cdlx-demo-client';
const CLIENT_SECRET = 'cdlx-demo-secret';
const box = useSandbox({ cardlytics: { tokenLifetimeSeconds: 3600 } });

/** The access token n8n stored on the credential. */
const accessToken = (engine: Engine) =>
	(engine.credentials.stored('cdlx-1')?.oauthTokenData as { access_token?: string } | undefined)
		?.access_token;

/** A binary property of an output item. */
const binaryOf = (item: INodeExecutionData, name: string): IBinaryData =>
	must(item.binary?.[name], `binary property ${name}`);

function setup(data: IDataObject = {}) {
	const engine = new Engine();
	const credentials = engine.addCredential('cdlx-1', 'cardlyticsOAuth2Api', {
		environment: 'custom',
		customBaseUrl: box.sim.baseUrl('cardlytics'),
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		...data,
	});
	const run = (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		engine.runNode({ type: 'cardlytics', credentials, parameters, ...options });
	return { engine, credentials, run };
}

/** One store as the store editor holds it: the schema's required fields and one Visa MID. */
const editorStore = (overrides: INodeParameters = {}): INodeParameters => ({
	storeId: 'store-1',
	storeName: 'Springfield Downtown',
	address1: '123 Main St',
	city: 'SPRINGFIELD',
	state: 'IL',
	postalCode: '62701',
	countryCode: 'US',
	processorMidChangedFlag: 'N',
	mids: {
		mid: [{ paymentNetwork: 'Visa', processorName: 'UNKNOWN', vmid: '12345678', vsid: '87654321' }],
	},
	...overrides,
});
const merchant = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'merchant',
	operation: 'upsert',
	merchantId: '={{ $json.id }}',
	merchantName: '={{ $json.name }}',
	merchantCategoryCode: '5814',
	paymentChannels: ['online', 'instore'],
	storeInput: 'editor',
	stores: { store: [editorStore()] },
	...overrides,
});
const items = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ id: `m-${i}`, name: `Merchant ${i}` }));
const cardlytics = () => box.sim.instances.cardlytics;
const PUT_MERCHANT = ['cardlytics', 'PUT', '/api/v1/partner/merchants/:merchantId'] as const;

describe('Cardlytics through the n8n engine', () => {
	test('a 50-item run fetches one token, sends 50 requests and pairs every output item', async () => {
		const { run, engine } = setup();
		const { items: out, error } = await run(merchant(), { items: items(50) });
		expect(error).toBeUndefined();
		expect(box.sim.stats.tokens.cardlytics).toBe(1);
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(50);
		expect(out).toHaveLength(50);
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ merchantId: `m-${i}`, status: 202 });
			// The 202 answer's trace_id is the Partner API's only tracing field; no request-id header is read.
			expect(item.json.traceId).toMatch(/^trace-/);
			expect(item.json).not.toHaveProperty('requestId');
		});
		expect(cardlytics().state.merchants.get('m-49')).toMatchObject({
			merchantName: 'Merchant 49',
			paymentChannels: ['online', 'instore'],
		});
		// The token was fetched with the client id/secret in the form body, as Cardlytics requires.
		const tokenRequest = must(
			box.sim.stats.log.find((r) => r.route === '/api/v1/idp/oauth2/token'),
			'the token request',
		);
		expect(tokenRequest.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
		expect(tokenRequest.body).toMatchObject({
			grant_type: 'client_credentials',
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
		});
		// n8n stored the token; a second execution reuses it.
		expect(accessToken(engine)).toMatch(/^cdlx_/);
		await run(merchant(), { items: items(3) });
		expect(box.sim.stats.tokens.cardlytics).toBe(1);
	});

	test('an expired token is refreshed once by n8n and the request retried', async () => {
		const { run, engine } = setup();
		await run(merchant(), { items: items(1) });
		const firstToken = accessToken(engine);
		expect(cardlytics().tokens.expireAll()).toBeGreaterThanOrEqual(1);
		box.sim.stats.reset();

		const { items: out, error } = await run(merchant(), { items: items(3) });
		expect(error).toBeUndefined();
		expect(out).toHaveLength(3);
		expect(box.sim.stats.tokens.cardlytics).toBe(1);
		// 3 items + the one request that met the expired token.
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(4);
		const auths = box.sim.stats.log
			.filter((r) => r.route.startsWith('/api/v1/partner'))
			.map((r) => r.headers.authorization);
		expect(auths[0]).toBe(`Bearer ${firstToken}`);
		expect(new Set(auths.slice(1)).size).toBe(1);
		expect(auths[1]).not.toBe(auths[0]);
		expect(accessToken(engine)).not.toBe(firstToken);
	});

	test('a wrong client secret gives a clear credential error and sends nothing else', async () => {
		const { run } = setup({ clientSecret: 'not-the-secret' });
		const { error, items: out } = await run(merchant(), { items: items(2) });
		expect(out).toHaveLength(0);
		expect(error).toBeDefined();
		expect(error?.message).toMatch(/Cardlytics refused the credential/);
		expect(error?.message).toMatch(/invalid_client/);
		expect(error?.description).toMatch(
			/client ID, the client secret and the base URL or environment/,
		);
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(0);
		expect(allText(error)).not.toContain('not-the-secret');
	});

	test("a 400 answer surfaces the provider's message, the HTTP status and the item", async () => {
		const { run } = setup();
		// The node checks what it can before sending; a mismatch only Cardlytics sees comes back as its 400.
		box.sim.faults.add('cardlytics', {
			type: 'status',
			status: 400,
			count: 1,
			body: { message: 'stores.0.storeId: Schema validation failure' },
		});
		const { error } = await run(merchant(), { items: items(1) });
		expect(error).toBeDefined();
		expect(error?.message).toBe(
			'Cardlytics answered HTTP 400 (item 0): stores.0.storeId: Schema validation failure',
		);
		expect((error as NodeApiError).httpCode).toBe('400');
		expect(error?.description).not.toMatch(/request ID/i);
		expect(error?.context.itemIndex).toBe(0);
	});

	test('sub-category items are checked by the node as the simulator checks them: Tex-Mex and Café pass, & does not', async () => {
		const { run } = setup();
		const withItems = (categoryItems: string) =>
			merchant({
				merchantFields: {
					merchantSubCategories: { category: [{ categoryType: 'cuisine', categoryItems }] },
				},
			});
		const ok = await run(withItems("Tex-Mex, Café, Joe's"), { items: items(1) });
		expect(ok.error).toBeUndefined();
		expect(cardlytics().state.merchants.get('m-0')?.merchantSubCategories).toEqual([
			{ categoryType: 'cuisine', categoryItems: ['Tex-Mex', 'Café', "Joe's"] },
		]);
		box.sim.stats.reset();
		const bad = await run(withItems('Pizza & Pasta'), { items: items(1) });
		expect(bad.error?.message).toBe(
			'Sub-Category 0 → Items may hold only letters, digits, spaces, hyphens and apostrophes (Cardlytics allows no special characters), got "Pizza & Pasta" (item 0)',
		);
		expect(box.sim.stats.total('cardlytics')).toBe(0);
	});

	test('a burst of 429 without Retry-After is retried with backoff and nothing is lost', async () => {
		const { run } = setup();
		box.sim.faults.add('cardlytics', { type: 'status', status: 429, count: 3 });
		const { items: out, error } = await run(merchant(), { items: items(5) });
		expect(error).toBeUndefined();
		expect(out.map((i) => i.json.merchantId)).toEqual(['m-0', 'm-1', 'm-2', 'm-3', 'm-4']);
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(8);
		for (let i = 0; i < 5; i++) expect(cardlytics().state.merchants.has(`m-${i}`)).toBe(true);
	});

	test('Retry-After is honoured on a 429', async () => {
		const { run } = setup();
		box.sim.faults.add('cardlytics', { type: 'status', status: 429, count: 1, retryAfter: 1 });
		const started = Date.now();
		const { error } = await run(merchant(), { items: items(1) });
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	test('a 500 burst on a report is retried; a 429 that never ends gives up after a bounded number of attempts', async () => {
		const { run } = setup();
		await run(merchant(), { items: items(1) });
		box.sim.faults.add('cardlytics', { type: 'status', status: 500, count: 2, path: '/reports' });
		const report = {
			resource: 'report',
			operation: 'getMerchantPerformance',
			merchantId: 'm-0',
			offerIds: 'o-1',
			from: '2026-01-01',
			to: '2026-01-02',
		};
		const ok = await run(report);
		expect(ok.error).toBeUndefined();
		expect(ok.items).toHaveLength(1);

		box.sim.stats.reset();
		box.sim.faults.add('cardlytics', { type: 'status', status: 429, count: 100 });
		const failed = await run(merchant(), { items: items(1) });
		expect(failed.error?.message).toContain('Cardlytics answered HTTP 429');
		expect(failed.error?.description).toMatch(/Gave up after 5 attempts/);
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(5);
	});

	test('continueOnFail marks only the failing item, whether the input or the provider was wrong', async () => {
		const { run } = setup();
		const input = [
			{ id: 'm-a', name: 'A', mcc: '5814' },
			{ id: 'm-b', name: 'B', mcc: '58' },
			{ id: 'm-c', name: 'C', mcc: '5814' },
		];
		const { items: out, error } = await run(
			merchant({ merchantCategoryCode: '={{ $json.mcc }}' }),
			{ items: input, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(out).toHaveLength(3);
		expect(out[0].json).toMatchObject({ merchantId: 'm-a', status: 202 });
		expect(out[1].json.error).toMatch(
			/Merchant Category Code must be a 4-digit MCC such as 5812, got "58" \(item 1\)/,
		);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[2].json).toMatchObject({ merchantId: 'm-c', status: 202 });
		// The bad item never reached Cardlytics.
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(2);

		const deletes = await run(
			{ resource: 'merchant', operation: 'delete', merchantId: '={{ $json.id }}' },
			{
				items: [{ id: 'm-a' }, { id: 'unknown' }, { id: 'm-c' }],
				continueOnFail: true,
			},
		);
		expect(deletes.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(deletes.items[1].json.error).toContain('HTTP 404');
		// n8n keeps {error: message} as the item's JSON and the whole error (description, HTTP code) beside it.
		expect(deletes.items[1].json.error).not.toMatch(/request ID/i);
		expect(deletes.items[1].error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			context: { itemIndex: 1 },
		});
		expect(deletes.items[0].json).toMatchObject({ merchantId: 'm-a', queued: true, status: 202 });
	});

	test('without continueOnFail a bad field stops the run before anything is sent, naming field and item', async () => {
		const { run } = setup();
		// (An empty literal is refused by n8n itself before the run; an expression that resolves empty is not.)
		const { error } = await run(merchant({ merchantName: '={{ $json.missing }}' }), {
			items: items(2),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('Merchant Name is required but empty (item 0)');
		expect(box.sim.stats.total('cardlytics')).toBe(0);
	});

	test('when an item fails and the run stops, the error says which items succeeded and which were never sent', async () => {
		const { run } = setup();
		const input = items(5).map((item, i) => ({ ...item, mcc: i === 2 ? '58' : '5814' }));
		const { error } = await run(merchant({ merchantCategoryCode: '={{ $json.mcc }}' }), {
			items: input,
		});
		expect(error?.message).toBe(
			'Merchant Category Code must be a 4-digit MCC such as 5812, got "58" (item 2)',
		);
		// Items run several at a time: those already started when item 2 failed went on, and the report says so.
		expect(error?.description).toMatch(
			/The run stopped at item 2\. Items 0-1, 3-4 had already succeeded\. Item 2 failed\.$/,
		);
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(4);
	});

	test('offers are created and deleted under their merchant', async () => {
		const { run } = setup();
		await run(merchant(), { items: items(1) });
		const offer = {
			resource: 'offer',
			operation: 'upsert',
			merchantId: 'm-0',
			offerId: 'o-1',
			offerName: '10% back',
			logoUrl: 'https://example.com/logo.png',
			largeRectangleUrl: 'https://example.com/banner.png',
		};
		const created = await run(offer);
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({ merchantId: 'm-0', offerId: 'o-1', status: 202 });
		expect(cardlytics().state.offers.get('m-0/o-1')).toEqual({
			offerId: 'o-1',
			merchantId: 'm-0',
			offerName: '10% back',
			// api-offer-ingestion: value.large.url, both assets present.
			assets: {
				logo: { type: 'IMAGE', value: { large: { url: 'https://example.com/logo.png' } } },
				largeRectangle: {
					type: 'IMAGE',
					value: { large: { url: 'https://example.com/banner.png' } },
				},
			},
		});
		const sent = box.sim.stats.log.filter(
			(r) => r.route === '/api/v1/partner/merchants/:merchantId/offers/:offerId',
		);
		expect(sent.map((r) => [r.method, r.path.replace(/^\/cardlytics/, '')])).toEqual([
			['PUT', '/api/v1/partner/merchants/m-0/offers/o-1'],
		]);
		// An image given as a data URL goes as value.large.content; RFC 2397 allows any type (here webp).
		const png = 'data:image/png;base64,iVBORw0KGgo=';
		const webp = 'data:image/webp;base64,UklGRg==';
		await run({ ...offer, offerId: 'o-2', logoUrl: png, largeRectangleUrl: webp });
		expect(cardlytics().state.offers.get('m-0/o-2')?.assets).toEqual({
			logo: { type: 'IMAGE', value: { large: { content: png } } },
			largeRectangle: { type: 'IMAGE', value: { large: { content: webp } } },
		});
		const noBanner = await run({ ...offer, offerId: 'o-3', largeRectangleUrl: '={{ "" }}' });
		expect(noBanner.error?.message).toBe('Large Rectangle Image is required but empty (item 0)');
		const deleted = await run({
			resource: 'offer',
			operation: 'delete',
			merchantId: 'm-0',
			offerId: 'o-1',
		});
		// 202 queues the deletion: the output says so and claims nothing more.
		expect(deleted.items[0].json).toMatchObject({ queued: true, status: 202 });
		expect(deleted.items[0].json).not.toHaveProperty('deleted');
		expect(cardlytics().state.offers.has('m-0/o-1')).toBe(false);
	});

	test('the merchant performance report comes out as one item per row, keyed by field name', async () => {
		const { run } = setup();
		await run(merchant(), { items: items(1) });
		const { items: out, error } = await run({
			resource: 'report',
			operation: 'getMerchantPerformance',
			merchantId: 'm-0',
			offerIds: 'o-1, o-2',
			from: '2026-03-01T00:00:00',
			to: '2026-03-03',
		});
		expect(error).toBeUndefined();
		// One row per offer: the reference documents no date dimension.
		expect(out).toHaveLength(2);
		const request = box.sim.stats.log.find((r) => r.route.endsWith('/reports'));
		expect(request?.body).toEqual({
			cube: 'merchant_performance',
			offerIds: ['o-1', 'o-2'],
			timeRange: { from: '2026-03-01', to: '2026-03-03' },
		});
		// The field names of api-performance-reporting's example, spaces and capitals kept.
		expect(Object.keys(out[0].json)).toEqual([
			'Partner Merchant Id',
			'Partner Offer Id',
			'Impressions',
			'Purchases',
			'Revenue',
			'Reach',
			'Activations',
		]);
		expect(
			out.map((i) => `${i.json['Partner Merchant Id']}/${i.json['Partner Offer Id']}`),
		).toEqual(['m-0/o-1', 'm-0/o-2']);
		for (const item of out) {
			expect(item.json.Impressions).toBeGreaterThan(item.json.Activations as number);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	test("the offer-report example's time range is relative to today, so it stays inside the two-year look-back", async () => {
		const { run } = setup();
		const report = must(
			(example.nodes as Array<{ parameters: INodeParameters }>).find(
				(n) => n.parameters.operation === 'getMerchantPerformance',
			),
			'the report node of the example',
		);
		await run(merchant(), { items: [{ id: report.parameters.merchantId, name: 'Blue Bottle' }] });
		box.sim.stats.reset();
		const { error } = await run(report.parameters);
		expect(error).toBeUndefined();
		const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
		// $today is in the workflow's time zone: allow the UTC day either side.
		const { from, to } = must(cardlytics().state.lastReport, 'the last report');
		expect([day(29), day(30), day(31)]).toContain(from);
		expect([day(23), day(24), day(25)]).toContain(to);
	});

	test("the redemption link is Cardlytics' answer as it is; the file downloads as binary data without the bearer token", async () => {
		const { run } = setup();
		const link = await run({ resource: 'redemption', operation: 'getLink', date: '2026-01-15' });
		expect(link.error).toBeUndefined();
		// Exactly the answer's fields (the OpenAPI defines only url), nothing computed by the node.
		const answer = box.sim.stats.log.find((r) => r.route === '/api/v1/partner/redemptions');
		expect(answer?.query).toEqual({ date: '2026-01-15' });
		expect(Object.keys(link.items[0].json)).toEqual(['url']);
		expect(link.items[0].json.url).toMatch(
			/\/cardlytics\/files\/redemptions\/2026-01-15\.csv\?X-Expires=\d+&X-Signature=[0-9a-f]+$/,
		);

		const { items: out, error } = await run({
			resource: 'redemption',
			operation: 'download',
			date: '2026-01-15',
			binaryPropertyName: 'file',
		});
		expect(error).toBeUndefined();
		const binary = binaryOf(out[0], 'file');
		// No name from Cardlytics: the node's own name, not the pre-signed URL's last segment, and not in the item.
		expect(binary).toMatchObject({ mimeType: 'text/csv', fileName: 'redemptions-2026-01-15' });
		expect(out[0].json).not.toHaveProperty('fileName');
		const csv = Buffer.from(binary.data, 'base64').toString('utf8');
		// The redemption feed's fields (ads-manager/docs/redemption-feed).
		expect(csv.split('\n')[0]).toBe(
			'transaction_id,cardholder_id,partner_merchant_id,partner_offer_id,partner_store_id,partner_merchant_name,card_type,card_last_four,transaction_amount,transaction_timestamp',
		);
		expect(csv.trim().split('\n')).toHaveLength(26);
		expect(out[0].json).toMatchObject({ date: '2026-01-15', fileSize: Buffer.byteLength(csv) });
		const fileRequest = must(
			box.sim.stats.log.find((r) => r.route === '/files/redemptions/:file'),
			'the file request',
		);
		expect(fileRequest.headers.authorization).toBeUndefined();
	});

	test("the link answer's fields besides url come out unchanged on Get File Link and Download File", async () => {
		const { run } = setup();
		// Field names of the test's own choosing: the REST page names none for the file's name and expiry.
		const extra = {
			name: 'redemptions_20260115.csv',
			expiresAt: '2026-01-16T10:00:00Z',
			size: { rows: 25 },
		};
		const before = cardlytics().state.options.redemptionLinkFields;
		cardlytics().state.options.redemptionLinkFields = extra;
		try {
			const link = await run({ resource: 'redemption', operation: 'getLink', date: '2026-01-15' });
			expect(link.error).toBeUndefined();
			expect(Object.keys(link.items[0].json)).toEqual(['url', 'name', 'expiresAt', 'size']);
			expect(link.items[0].json).toMatchObject(extra);

			const { items: out, error } = await run({
				resource: 'redemption',
				operation: 'download',
				date: '2026-01-15',
				binaryPropertyName: 'data',
			});
			expect(error).toBeUndefined();
			expect(binaryOf(out[0], 'data').fileName).toBe('redemptions_20260115.csv');
			expect(out[0].json).toEqual({
				date: '2026-01-15',
				mimeType: 'text/csv',
				fileSize: out[0].json.fileSize,
				...extra,
			});
			expect(out[0].json.fileSize).toBeGreaterThan(0);
			expect(out[0].json).not.toHaveProperty('url');

			// A field named like one the node outputs keeps Cardlytics' value.
			cardlytics().state.options.redemptionLinkFields = { fileName: 'cardlytics-name.csv' };
			const clash = await run({
				resource: 'redemption',
				operation: 'download',
				date: '2026-01-15',
				binaryPropertyName: 'data',
			});
			expect(clash.items[0].json.fileName).toBe('cardlytics-name.csv');
			expect(binaryOf(clash.items[0], 'data').fileName).toBe('cardlytics-name.csv');
		} finally {
			cardlytics().state.options.redemptionLinkFields = before;
		}
	});

	test('an expired pre-signed link and a future date give clear errors', async () => {
		const { run } = setup();
		const before = cardlytics().state.options.presignTtlSeconds;
		cardlytics().state.options.presignTtlSeconds = -5;
		try {
			const { error } = await run({
				resource: 'redemption',
				operation: 'download',
				date: '2026-01-15',
				binaryPropertyName: 'data',
			});
			expect(error?.message).toMatch(
				/^Cardlytics answered HTTP 403 \(item 0\): Request has expired/,
			);
			expect(error?.description).toMatch(/pre-signed redemption link/);
		} finally {
			cardlytics().state.options.presignTtlSeconds = before;
		}
		box.sim.stats.reset();
		const future = await run({ resource: 'redemption', operation: 'getLink', date: '2999-01-01' });
		expect(future.error?.message).toBe('Date must be a day in the past, got 2999-01-01 (item 0)');
		// Today's file is not complete yet: today is refused too (the feed serves past UTC days).
		const today = new Date().toISOString().slice(0, 10);
		const now = await run({ resource: 'redemption', operation: 'getLink', date: today });
		expect(now.error?.message).toBe(`Date must be a day in the past, got ${today} (item 0)`);
		expect(box.sim.requestsTo('cardlytics', 'GET', '/api/v1/partner/redemptions')).toBe(0);
	});

	test('no output, error or stored run data carries the client secret or an access token', async () => {
		const { run, engine } = setup();
		const runs = [
			await run(merchant(), { items: items(2) }),
			await run(merchant({ merchantCategoryCode: 'x' }), { items: items(1), continueOnFail: true }),
			await run({ resource: 'merchant', operation: 'delete', merchantId: 'nope' }),
		];
		const token = accessToken(engine);
		const text = runs.map((r) => allText(r.run.data) + allText(r.error)).join('\n');
		expect(text).toContain('HTTP 404');
		expect(text).not.toContain(CLIENT_SECRET);
		expect(text).not.toContain(token);
	});
});

describe('Cardlytics merchant stores (MerchantPayload, merchant-ingestion-api)', () => {
	const sentMerchant = (): { stores: IDataObject[] } | undefined =>
		box.sim.stats.log.filter((r) => r.route === '/api/v1/partner/merchants/:merchantId').at(-1)
			?.body;
	const one = [{ id: 'm-s', name: 'Store Merchant' }];

	test('the store editor sends every schema field; MIDs of one network and processor go together', async () => {
		const { run } = setup();
		const store = editorStore({
			address2: 'Suite 4',
			locatedIn: 'Springfield Mall',
			storePhoneNumbers: '+12175559876, +12175550000',
			storeUrl: 'https://example.com/s1',
			storeEmails: 'store@example.com',
			latitude: '39.8017',
			longitude: '-89.6437',
			processorMidChangedFlag: 'Y',
			mids: {
				mid: [
					{
						paymentNetwork: 'Visa',
						processorName: 'Chase',
						processorId: 'p-1',
						vmid: 'V1',
						vsid: 'S1',
					},
					{
						paymentNetwork: 'Visa',
						processorName: 'Chase',
						processorId: 'p-1',
						vmid: 'V2',
						vsid: 'S2',
					},
					{
						paymentNetwork: 'MasterCard',
						processorName: 'UNKNOWN',
						mcMidType: 'auth',
						mcLocationId: 'L1',
						mcAcquiringMid: 'A1',
						mcIca: '1234',
					},
					{
						paymentNetwork: 'MasterCard',
						processorName: 'UNKNOWN',
						mcMidType: 'clearing',
						mcLocationId: 'L2',
						mcAcquiringMid: 'A2',
					},
					{ paymentNetwork: 'AmericanExpress', processorName: 'UNKNOWN', seNumber: 'SE1' },
					{ paymentNetwork: 'Discover', processorName: 'UNKNOWN', discoverMid: 'D1' },
				],
			},
		});
		const { error } = await run(
			merchant({
				merchantCategoryCode: '0742',
				stores: { store: [store] },
				merchantFields: {
					parentMerchantId: 'parent-1',
					merchantUrl: 'www.example.com',
					merchantApps: 'App One, App Two',
					paymentSubChannels: ['PayAtPump'],
					merchantSubCategories: {
						category: [{ categoryType: 'cuisine', categoryItems: 'Italian, Pizza' }],
					},
				},
			}),
			{ items: one },
		);
		expect(error).toBeUndefined();
		expect(sentMerchant()).toEqual({
			merchantId: 'm-s',
			merchantName: 'Store Merchant',
			parentMerchantId: 'parent-1',
			// The OpenAPI's type (number): 0742 is the code 742.
			merchantCategoryCode: 742,
			merchantSubCategories: [{ categoryType: 'cuisine', categoryItems: ['Italian', 'Pizza'] }],
			paymentChannels: ['online', 'instore'],
			paymentSubChannels: ['PayAtPump'],
			merchantUrl: 'www.example.com',
			merchantApps: ['App One', 'App Two'],
			stores: [
				{
					storeId: 'store-1',
					storeName: 'Springfield Downtown',
					address1: '123 Main St',
					city: 'SPRINGFIELD',
					state: 'IL',
					postalCode: '62701',
					countryCode: 'US',
					address2: 'Suite 4',
					locatedIn: 'Springfield Mall',
					storeUrl: 'https://example.com/s1',
					latitude: '39.8017',
					longitude: '-89.6437',
					storePhoneNumbers: ['+12175559876', '+12175550000'],
					storeEmails: ['store@example.com'],
					processorMidChangedFlag: 'Y',
					processorMidRecords: [
						{
							paymentNetwork: 'Visa',
							processors: [
								{
									processorName: 'Chase',
									processorId: 'p-1',
									visaMids: [
										{ vmid: 'V1', vsid: 'S1' },
										{ vmid: 'V2', vsid: 'S2' },
									],
								},
							],
						},
						{
							paymentNetwork: 'MasterCard',
							processors: [
								{
									processorName: 'UNKNOWN',
									mcAuthMids: [
										{ mcAuthLocationId: 'L1', mcAuthAcquiringMid: 'A1', mcAuthICA: '1234' },
									],
									mcClearingMids: [{ mcClearingLocationId: 'L2', mcClearingAcquiringMid: 'A2' }],
								},
							],
						},
						{
							paymentNetwork: 'AmericanExpress',
							processors: [{ processorName: 'UNKNOWN', amexMids: [{ seNumber: 'SE1' }] }],
						},
						{
							paymentNetwork: 'Discover',
							processors: [{ processorName: 'UNKNOWN', discoverMids: [{ discover: 'D1' }] }],
						},
					],
				},
			],
		});
		// The simulator, which validates as the schema does, accepted it.
		expect(cardlytics().state.merchants.get('m-s')?.stores[0].processorMidRecords).toHaveLength(4);
	});

	test('without stores, or a store without MIDs or a required field, nothing is sent and the error names store and field', async () => {
		const { run } = setup();
		const cases: Array<[INodeParameters, string]> = [
			[
				{ stores: {} },
				'Stores: stores needs at least one store: Cardlytics requires every merchant to have at least one',
			],
			[
				{ stores: { store: [editorStore(), editorStore({ storeId: 'store-2', mids: {} })] } },
				'Stores: store 1, processorMidRecords needs at least one MID record: without MIDs Cardlytics cannot match in-store card transactions',
			],
			[
				{ stores: { store: [editorStore({ storeName: '={{ "" }}' })] } },
				'Stores: store 0, storeName is required but empty',
			],
			[
				{
					stores: {
						store: [editorStore({ mids: { mid: [{ paymentNetwork: 'Visa', vmid: 'V1' }] } })],
					},
				},
				'Stores: store 0, processorMidRecords[0].processors[0].visaMids needs at least one element with both vmid and vsid',
			],
			[
				{ stores: { store: [editorStore({ countryCode: 'USA' })] } },
				'Stores: store 0, countryCode must be a two-letter ISO 3166-1 alpha-2 code such as US, got "USA"',
			],
			[
				{
					stores: {
						store: [
							editorStore({
								mids: {
									mid: [
										{
											paymentNetwork: 'MasterCard',
											processorName: 'UNKNOWN',
											mcMidType: '={{ "authorization" }}',
											mcLocationId: 'L1',
											mcAcquiringMid: 'A1',
										},
									],
								},
							}),
						],
					},
				},
				'Stores: store 0, MID 0 (MasterCard) → Mastercard MID Type must be auth or clearing, got "authorization"',
			],
		];
		for (const [overrides, message] of cases) {
			const { error } = await run(merchant(overrides), { items: one });
			expect(error?.message).toBe(`${message} (item 0)`);
		}
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(0);
	});

	test("what the schema allows goes through: another network's MIDs on a record, a Visa MID without SID beside one with both, empty sub-category items", async () => {
		const { run } = setup();
		const processors = [
			{
				processorName: 'UNKNOWN',
				visaMids: [{ vmid: 'V1', vsid: 'S1' }, { vmid: 'V2' }],
				amexMids: [{ seNumber: 'SE1' }],
			},
		];
		const store = {
			storeId: 's-0',
			storeName: 'Store 0',
			address1: '1 Main St',
			city: 'SPRINGFIELD',
			state: 'IL',
			postalCode: '62701',
			countryCode: 'US',
			processorMidChangedFlag: 'N',
			processorMidRecords: [{ paymentNetwork: 'Visa', processors }],
		};
		const { error } = await run(
			merchant({
				storeInput: 'json',
				stores: undefined,
				storesJson: JSON.stringify([store]),
				merchantFields: {
					merchantSubCategories: { category: [{ categoryType: 'cuisine', categoryItems: '' }] },
				},
			}),
			{ items: items(1) },
		);
		expect(error).toBeUndefined();
		const stored = cardlytics().state.merchants.get('m-0');
		expect(stored?.stores[0].processorMidRecords[0].processors).toEqual(processors);
		expect(stored?.merchantSubCategories).toEqual([{ categoryType: 'cuisine', categoryItems: [] }]);
	});

	test("Payment Channels, a store's Country Code and Processor MIDs Changed have no preset: left empty, n8n refuses the run naming the field", async () => {
		const { run } = setup();
		const noChannels = merchant();
		delete noChannels.paymentChannels;
		// n8n itself refuses to run a node with an empty required parameter, naming it.
		await expect(run(noChannels, { items: items(1) })).rejects.toThrow(
			'Parameter "Payment Channels" is required',
		);
		const noCountry = editorStore();
		delete noCountry.countryCode;
		await expect(
			run(merchant({ stores: { store: [noCountry] } }), { items: items(1) }),
		).rejects.toThrow('Parameter "Country Code" is required');
		const noFlag = editorStore();
		delete noFlag.processorMidChangedFlag;
		await expect(
			run(merchant({ stores: { store: [noFlag] } }), { items: items(1) }),
		).rejects.toThrow('Parameter "Processor MIDs Changed" is required');
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(0);
	});

	test('JSON mode takes a list of schema stores for bulk; a field the schema lacks is refused by name', async () => {
		const { run } = setup();
		const visa = [
			{
				paymentNetwork: 'Visa',
				processors: [{ processorName: 'UNKNOWN', visaMids: [{ vmid: 'V', vsid: 'S' }] }],
			},
		];
		const stores = Array.from({ length: 3 }, (_, n) => ({
			storeId: `s-${n}`,
			storeName: `Store ${n}`,
			address1: `${n} Main St`,
			city: 'SPRINGFIELD',
			state: 'IL',
			postalCode: '02101',
			countryCode: 'us',
			processorMidChangedFlag: 'N',
			processorMidRecords: visa,
		}));
		const json = (list: IDataObject[]) =>
			merchant({ storeInput: 'json', stores: undefined, storesJson: JSON.stringify(list) });
		const ok = await run(json(stores), { items: one });
		expect(ok.error).toBeUndefined();
		expect(sentMerchant()?.stores.map((s) => [s.storeId, s.postalCode, s.countryCode])).toEqual([
			['s-0', '02101', 'US'],
			['s-1', '02101', 'US'],
			['s-2', '02101', 'US'],
		]);
		// Store latitude and longitude are strings in the schema: numbers in JSON mode go as their text (the
		// simulator refuses numbers).
		const located = await run(json([{ ...stores[0], latitude: 41.8781, longitude: -87.6298 }]), {
			items: one,
		});
		expect(located.error).toBeUndefined();
		expect(sentMerchant()?.stores[0]).toMatchObject({ latitude: '41.8781', longitude: '-87.6298' });
		box.sim.stats.reset();
		const bad: Array<[IDataObject[], string]> = [
			[
				[...stores.slice(0, 2), { ...stores[2], name: 'x' }],
				'Stores (JSON): store 2, name is not a field of the Cardlytics store schema (checked by the node, to catch misnamed fields): Cardlytics calls it storeName',
			],
			[
				[{ ...stores[0], processorMidRecords: [] }],
				'Stores (JSON): store 0, processorMidRecords needs at least one MID record: without MIDs Cardlytics cannot match in-store card transactions',
			],
			[
				[{ ...stores[0], processorMidChangedFlag: undefined }],
				'Stores (JSON): store 0, processorMidChangedFlag is required but empty: Y when the processor MIDs changed, N when not',
			],
			[
				[{ ...stores[0], processorMidRecords: [{ paymentNetwork: 'Mastercard', processors: [] }] }],
				'Stores (JSON): store 0, processorMidRecords[0].paymentNetwork must be one of Visa, MasterCard, AmericanExpress, Discover (this spelling and case), got "Mastercard"',
			],
			[
				[
					{
						...stores[0],
						processorMidRecords: [
							{
								paymentNetwork: 'MasterCard',
								processors: [{ processorName: 'UNKNOWN', visaMids: [{ vmid: 'V', vsid: 'S' }] }],
							},
						],
					},
				],
				'Stores (JSON): store 0, processorMidRecords[0].processors[0].mcAuthMids / mcClearingMids needs at least one MasterCard MID',
			],
			[
				[],
				'Stores (JSON): stores needs at least one store: Cardlytics requires every merchant to have at least one',
			],
		];
		for (const [list, message] of bad) {
			const { error } = await run(json(list), { items: one });
			expect(error?.message).toBe(`${message} (item 0)`);
		}
		const notJson = await run(merchant({ storeInput: 'json', storesJson: '[{' }), { items: one });
		expect(notJson.error?.message).toMatch(/^Stores \(JSON\) must be a JSON list of stores/);
		expect(box.sim.requestsTo(...PUT_MERCHANT)).toBe(0);
	});
});

describe('Cardlytics performance report (ReportRequest, api-performance-reporting)', () => {
	const report = (overrides: INodeParameters = {}): INodeParameters => ({
		resource: 'report',
		operation: 'getMerchantPerformance',
		merchantId: 'm-0',
		...overrides,
	});
	const sentReport = (): { offerIds?: string[] } | undefined =>
		box.sim.stats.log.filter((r) => r.route.endsWith('/reports')).at(-1)?.body;

	test('no offer IDs and no dates: every offer of the merchant over the last two years', async () => {
		const { run } = setup();
		await run(merchant(), { items: items(1) });
		cardlytics().state.offers.clear();
		// A bare offer: only what the report reads.
		for (const offerId of ['o-a', 'o-b'])
			cardlytics().state.offers.set(`m-0/${offerId}`, { offerId, merchantId: 'm-0' } as Offer);
		const { items: out, error } = await run(report());
		expect(error).toBeUndefined();
		expect(sentReport()).toEqual({ cube: 'merchant_performance' });
		const asked = must(cardlytics().state.lastReport, 'the last report');
		expect(asked.offerIds).toEqual(['o-a', 'o-b']);
		expect(asked.to).toBe(new Date().toISOString().slice(0, 10));
		expect(Number(asked.to.slice(0, 4)) - Number(asked.from.slice(0, 4))).toBe(2);
		expect(new Set(out.map((i) => i.json['Partner Offer Id']))).toEqual(new Set(['o-a', 'o-b']));
	});

	test('a time range needs both ends; at most 1,000 offer IDs; checked before anything is sent', async () => {
		const { run } = setup();
		const onlyFrom = await run(report({ from: '2026-01-01' }));
		expect(onlyFrom.error?.message).toBe(
			'To is required once the other end of the time range is given (or leave both empty for the last two years) (item 0)',
		);
		const onlyTo = await run(report({ to: '2026-01-01' }));
		expect(onlyTo.error?.message).toMatch(/^From is required once the other end/);
		const ids = Array.from({ length: 1001 }, (_, n) => `o-${n}`).join(',');
		const tooMany = await run(report({ offerIds: ids }));
		expect(tooMany.error?.message).toBe('Offer IDs can hold at most 1000 IDs, got 1001 (item 0)');
		const tooOld = await run(report({ from: '2020-01-01', to: '2020-01-02' }));
		expect(tooOld.error?.message).toMatch(
			/^From may reach at most two years back \(\d{4}-\d{2}-\d{2}\), got 2020-01-01/,
		);
		expect(box.sim.stats.total('cardlytics')).toBe(0);
		// 1,000 is allowed.
		await run(merchant(), { items: items(1) });
		const thousand = Array.from({ length: 1000 }, (_, n) => `o-${n}`);
		const ok = await run(
			report({ offerIds: thousand.join(','), from: '2026-01-01', to: '2026-01-01' }),
		);
		expect(ok.error).toBeUndefined();
		expect(ok.items).toHaveLength(1000);
		expect(sentReport()?.offerIds).toHaveLength(1000);
	});
});
