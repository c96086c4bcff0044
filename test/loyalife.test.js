'use strict';
const { Engine, useSandbox, allText } = require('./harness');

const CLIENT_ID = 'loyalife-demo-client';
const CLIENT_SECRET = 'loyalife-demo-secret';
const box = useSandbox();
const sim = () => box.sim.instances.loyalife;

function setup(data = {}) {
	const engine = new Engine();
	const credentials = engine.addCredential('xl-1', 'loyalifeApi', {
		baseUrl: box.sim.baseUrl('loyalife'),
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		programId: '1001',
		...data,
	});
	const run = (parameters, options = {}) =>
		engine.runNode({ type: 'loyalife', credentials, parameters, ...options });
	return { engine, run };
}

const TOKEN_ROUTE = '/lbms-ingress/oauth/api/Auth/Token';
const GET_MEMBER = [
	'loyalife',
	'GET',
	'/lbms-ingress/member/api/Member/GetMemberDetailsByUniqueAttribute',
];
const getMember = {
	resource: 'member',
	operation: 'get',
	attributeName: 'relation_reference',
	attributeValue: '={{ $json.ref }}',
};
const refs = (n) =>
	Array.from({ length: n }, (_, i) => ({ ref: `MEM${String((i % 25) + 1).padStart(4, '0')}` }));
const decode = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

describe('Loyalife through the n8n engine (preAuthentication + expirable token)', () => {
	test('a 200-item run fetches exactly one token, stored by n8n and reused by the next run', async () => {
		const { run, engine } = setup();
		const { items, error } = await run(getMember, { items: refs(200) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(200);
		expect(items[26].json).toMatchObject({ RelationReference: 'MEM0002', FullName: 'Member 2' });
		expect(box.sim.stats.tokens.loyalife).toBe(1);
		expect(box.sim.requestsTo(...GET_MEMBER)).toBe(200);
		const tokenRequest = box.sim.stats.log.find((r) => r.path.endsWith(TOKEN_ROUTE));
		expect(tokenRequest.headers['content-type']).toMatch(/application\/json/);
		expect(tokenRequest.body).toEqual({
			grant_type: 'client_credentials',
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
		});
		const stored = engine.credentials.stored('xl-1');
		expect(stored.token).toMatch(/^ey/);
		expect(stored.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const api = box.sim.stats.log.find((r) => r.route.includes('GetMemberDetails'));
		expect(api.headers.authorization).toBe(`bearer ${stored.token}`);
		await run(getMember, { items: refs(5) });
		expect(box.sim.stats.tokens.loyalife).toBe(1);
	});

	test('a token expired in the simulator is replaced once and the request retried', async () => {
		const { run, engine } = setup();
		await run(getMember, { items: refs(1) });
		const first = engine.credentials.stored('xl-1').token;
		sim().tokens.expireAll();
		box.sim.stats.reset();
		const { items, error } = await run(getMember, { items: refs(4) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(box.sim.stats.tokens.loyalife).toBe(1);
		expect(box.sim.requestsTo(...GET_MEMBER)).toBe(5);
		expect(engine.credentials.stored('xl-1').token).not.toBe(first);
	});

	test('rotated credentials give a clear error with the provider message and code', async () => {
		const { run } = setup();
		await run(getMember, { items: refs(1) });
		sim().control.rotateSecret({ clientId: CLIENT_ID, clientSecret: 'rotated-new-secret' });
		try {
			const { error, items } = await run(getMember, { items: refs(3) });
			expect(items).toHaveLength(0);
			expect(error.message).toBe(
				'Loyalife refused the credential: could not get an access token (Invalid client_id or client_secret. Regenerated credentials invalidate the old ones. (ErrorCode INVALID_CLIENT))',
			);
			expect(error.description).toMatch(/Check the client ID, the client secret/);
			expect(allText(error)).not.toContain(CLIENT_SECRET);
		} finally {
			sim().control.rotateSecret({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
		}
	});

	test("a member-bound token carries the member's scope and can act only for that member", async () => {
		const { run, engine } = setup({ memberReference: 'MEM0003' });
		const own = await run(getMember, { items: [{ ref: 'MEM0003' }] });
		expect(own.error).toBeUndefined();
		const tokenRequest = box.sim.stats.log.find((r) => r.path.endsWith(TOKEN_ROUTE));
		expect(tokenRequest.body.scope).toBe('["LOGIN","MEM0003"]');
		expect(decode(engine.credentials.stored('xl-1').token).scope).toEqual(['LOGIN', 'MEM0003']);
		const other = await run(getMember, { items: [{ ref: 'MEM0004' }] });
		expect(other.error.message).toMatch(
			/^Loyalife answered HTTP 403 \(item 0\): This token is bound to member MEM0003 and cannot access MEM0004/,
		);
		expect(other.error.description).toMatch(/member-bound token/);
	});

	test('an HTTP 200 carrying IsSucessful:false is an error, and continueOnFail keeps it on its item', async () => {
		const { run } = setup();
		const { error } = await run(getMember, { items: [{ ref: 'NOPE' }] });
		expect(error.message).toBe(
			'Loyalife reported an error (item 0): No member with relation_reference NOPE (ErrorCode MEMBER_NOT_FOUND)',
		);
		expect(error.description).toMatch(/HTTP status was 200/);
		const mixed = await run(getMember, {
			items: [{ ref: 'MEM0001' }, { ref: 'NOPE' }, { ref: 'MEM0002' }],
			continueOnFail: true,
		});
		expect(mixed.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(mixed.items[1].pairedItem).toEqual({ item: 1 });
	});

	test('members: create, 409 on an existing member, update', async () => {
		const { run } = setup();
		const created = await run({
			resource: 'member',
			operation: 'create',
			relationReference: 'NEW-1',
			fullName: 'Nia New',
			additionalFields: {
				email_id: 'nia@example.com',
				mobile_number: '+358401234567',
				dob: '1990-04-02T00:00:00',
				gender: 'F',
			},
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			RelationReference: 'NEW-1',
			FullName: 'Nia New',
			Email: 'nia@example.com',
			TotalPoints: 0,
		});
		expect(sim().state.members.get('NEW-1')).toMatchObject({
			Dob: '1990-04-02',
			Mobile: '+358401234567',
		});
		const again = await run({
			resource: 'member',
			operation: 'create',
			relationReference: 'NEW-1',
			fullName: 'Nia New',
		});
		expect(again.error.message).toBe(
			'Loyalife answered HTTP 409 (item 0): A member with relation reference NEW-1 already exists (ErrorCode MEMBER_EXISTS)',
		);
		const updated = await run({
			resource: 'member',
			operation: 'update',
			relationReference: 'NEW-1',
			updateFields: { status: 'Inactive' },
		});
		expect(updated.items[0].json.Status).toBe('Inactive');
		const bad = await run({
			resource: 'member',
			operation: 'create',
			relationReference: 'NEW-2',
			fullName: 'X',
			additionalFields: { email_id: 'nope' },
		});
		expect(bad.error.message).toBe(
			'Additional Fields → Email must be an email address, got "nope" (item 0)',
		);
	});

	const tx = (i, extra = {}) => ({
		id: `B-${i}`,
		ref: `MEM${String((i % 25) + 1).padStart(4, '0')}`,
		amount: 100 + i,
		...extra,
	});
	const batchParams = {
		resource: 'transaction',
		operation: 'createBatch',
		transactionId: '={{ $json.id }}',
		memberRelationReference: '={{ $json.ref }}',
		amount: '={{ $json.amount }}',
		transactionDate: '2026-02-01',
		productCode: 'CARD',
		transactionType: 'DR',
		batchSize: 100,
	};

	test('a purchase is sent as DR (earns points), the program id and the idempotency key with it; the item is an object', async () => {
		const { run } = setup();
		const balance = sim().pointsOf('MEM0003');
		const { items, error } = await run(
			{ ...batchParams, operation: 'create' },
			{ items: [tx(9002)] },
		);
		expect(error).toBeUndefined();
		const sent = box.sim.stats.log.filter((r) => r.route.endsWith('InsertTransactionData'));
		// transactions/insert-transaction: one object; DR = debit = a purchase that earns points.
		expect(sent).toHaveLength(1);
		expect(sent[0].query).toEqual({ pintProgramId: '1001' });
		expect(sent[0].body).toEqual({
			_xoxo_api_client_idempotency: expect.stringMatching(/^n8n-[0-9a-f]{40}$/),
			transaction_id: 'B-9002',
			amount: 9102,
			transaction_date: '2026-02-01',
			product_code: 'CARD',
			member_relation_reference: 'MEM0003',
			transaction_type: 'DR',
		});
		expect(sim().pointsOf('MEM0003')).toBe(balance + 910);
		// What a later node can map: what was sent, and Loyalife's answer.
		expect(items[0].json).toMatchObject({
			transaction_id: 'B-9002',
			transaction_type: 'DR',
			accepted: true,
			errorCode: '000',
			message: 'Success',
		});
		// A reversal takes points back.
		await run(
			{
				...batchParams,
				operation: 'create',
				transactionType: 'CR',
				transactionId: 'B-9002-refund',
			},
			{ items: [tx(9002)] },
		);
		expect(sim().pointsOf('MEM0003')).toBe(balance);
	});

	test('a batch is sent 100 at a time, each transaction with its idempotency key inside it; a replayed batch creates nothing twice', async () => {
		const { run } = setup();
		const input = Array.from({ length: 150 }, (_, i) => tx(i));
		const before = sim().state.transactions.length;
		const first = await run(batchParams, { items: input });
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(150);
		expect(first.items[0].json).toMatchObject({
			status: 'queued',
			request_id: expect.stringMatching(/^req_/),
		});
		expect(
			first.items.every((i) => i.json.status === 'queued' && /^req_/.test(i.json.request_id)),
		).toBe(true);
		expect(first.items[149].pairedItem).toEqual({ item: 149 });
		const batches = box.sim.stats.log.filter((r) => r.route.endsWith('InsertTransactionDataV2'));
		expect(batches.map((r) => r.body.length)).toEqual([100, 50]);
		// transactions/insert-transaction-v2: the key is a field of each transaction, not a header; type dr/cr.
		expect(batches.every((r) => r.headers._xoxo_api_client_idempotency === undefined)).toBe(true);
		const keys = batches.flatMap((r) => r.body.map((t) => t._xoxo_api_client_idempotency));
		expect(new Set(keys).size).toBe(150);
		expect(keys.every((k) => /^n8n-[0-9a-f]{40}$/.test(k))).toBe(true);
		expect(batches[0].body[0]).toMatchObject({ transaction_id: 'B-0', transaction_type: 'dr' });
		expect(sim().state.transactions.length).toBe(before + 150);

		const replay = await run(batchParams, { items: input });
		expect(replay.error).toBeUndefined();
		expect(replay.items.map((i) => i.json.request_id)).toEqual(
			first.items.map((i) => i.json.request_id),
		);
		expect(sim().state.transactions.length).toBe(before + 150);
		// A key the user chose (e.g. the invoice number) goes as it is.
		box.sim.stats.reset();
		await run(
			{ ...batchParams, idempotencyKey: '={{ "inv-" + $json.id }}' },
			{ items: [tx(7000)] },
		);
		expect(
			box.sim.stats.log.find((r) => r.route.endsWith('InsertTransactionDataV2')).body[0]
				._xoxo_api_client_idempotency,
		).toBe('inv-B-7000');
	});

	test('a batch whose answer is lost is retried with the same keys and counted once', async () => {
		const { run } = setup();
		const input = Array.from({ length: 30 }, (_, i) => tx(1000 + i));
		const before = sim().state.transactions.length;
		box.sim.faults.add('loyalife', {
			type: 'lost',
			status: 502,
			count: 1,
			path: 'InsertTransactionDataV2',
		});
		const { items, error } = await run(batchParams, { items: input });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(30);
		const sent = box.sim.stats.log.filter((r) => r.route.endsWith('InsertTransactionDataV2'));
		expect(sent).toHaveLength(2);
		expect(sent[1].body).toEqual(sent[0].body);
		expect(sim().state.transactions.length).toBe(before + 30);
	});

	test('a batch that keeps failing says exactly which items were applied, which failed and which were never sent', async () => {
		const { run } = setup();
		const input = Array.from({ length: 5 }, (_, i) => tx(3000 + i));
		// The first batch (items 0-1) goes through; every try of the second fails.
		box.sim.faults.add('loyalife', {
			type: 'status',
			status: 500,
			count: 50,
			path: 'InsertTransactionDataV2',
			skip: 1,
		});
		const { error } = await run({ ...batchParams, batchSize: 2 }, { items: input });
		expect(error.message).toMatch(/^Loyalife answered HTTP 500 \(item 2\)/);
		expect(error.description).toMatch(
			/The run stopped at item 2\. Items 0-1 had already been applied\. Items 2-3 failed: not confirmed as applied\. Item 4 was never sent\.$/,
		);
	});

	const summary = {
		resource: 'transaction',
		operation: 'getSummary',
		fromDate: '2025-01-01',
		toDate: '2025-12-31',
	};

	test('the transaction summary pages with a 0-based start index and returns every transaction once, the last page partial', async () => {
		const { run } = setup();
		const { items, error } = await run({ ...summary, returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(25 * 11);
		expect(new Set(items.map((i) => i.json.TransactionId)).size).toBe(275);
		const pages = box.sim.stats.log
			.filter((r) => r.route.endsWith('GetTransactionSummary'))
			.map((r) => [r.body.start_index, r.body.record_count]);
		expect(pages).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
		box.sim.stats.reset();
		const limited = await run({
			...summary,
			returnAll: false,
			limit: 150,
			memberRelationReference: '',
		});
		expect(limited.items).toHaveLength(150);
		expect(limited.items.map((i) => i.json.TransactionId)).toEqual(
			items.slice(0, 150).map((i) => i.json.TransactionId),
		);
		const one = await run({ ...summary, returnAll: true, memberRelationReference: 'MEM0007' });
		expect(one.items).toHaveLength(11);
		expect(one.items.every((i) => i.json.RelationReference === 'MEM0007')).toBe(true);
	});

	test('points: redeem returns the external reference, reverse gives the points back once, expiry schedule as items', async () => {
		const { run } = setup();
		const balance = sim().pointsOf('MEM0010');
		const redeemed = await run({
			resource: 'points',
			operation: 'redeem',
			relationReference: 'MEM0010',
			points: 20,
			description: 'Coffee',
		});
		expect(redeemed.error).toBeUndefined();
		const ref = redeemed.items[0].json.ExternalReference;
		expect(ref).toMatch(/^RDM-/);
		expect(redeemed.items[0].json.Balance).toBe(balance - 20);
		const reversed = await run({
			resource: 'points',
			operation: 'reverse',
			externalReference: ref,
		});
		expect(reversed.items[0].json).toMatchObject({
			ExternalReference: ref,
			PointsReversed: 20,
			Balance: balance,
		});
		const twice = await run({ resource: 'points', operation: 'reverse', externalReference: ref });
		expect(twice.error.message).toBe(
			`Loyalife reported an error (item 0): Redemption ${ref} was already reversed (ErrorCode ALREADY_REVERSED)`,
		);
		const tooMuch = await run({
			resource: 'points',
			operation: 'redeem',
			relationReference: 'MEM0010',
			points: 999999,
		});
		expect(tooMuch.error.message).toMatch(/INSUFFICIENT_POINTS/);
		const schedule = await run({
			resource: 'points',
			operation: 'getExpirySchedule',
			relationReference: 'MEM0010',
		});
		expect(schedule.items.length).toBeGreaterThan(0);
		expect(schedule.items.reduce((n, i) => n + i.json.Points, 0)).toBe(balance);
		expect(schedule.items[0].json).toMatchObject({ memberRelationReference: 'MEM0010' });
	});
});
