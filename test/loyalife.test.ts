import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import { Engine, useSandbox, allText, type LoggedRequest, type RunNodeOptions } from './harness';

const CLIENT_ID = 'loyalife-demo-client';
const CLIENT_SECRET = 'loyalife-demo-secret';
const box = useSandbox();

const sim = () => box.sim.instances.loyalife;

/** A member of the simulator's seed, by relation reference. */
function seeded(ref: string) {
	const member = sim().state.members.get(ref);
	if (!member) throw new Error(`The simulator has no member ${ref}`);
	return member;
}

/** The code of the OTP the simulator sent last. */
function lastOtp(): number {
	const otp = sim().state.otps.at(-1);
	if (!otp) throw new Error('The simulator has sent no OTP');
	return otp.OTP;
}

/** What a run takes beside its parameters: the items, continueOnFail. */
type RunOptions = Omit<RunNodeOptions, 'type' | 'parameters' | 'credentials'>;

/** The Loyalife credential as n8n stored it (with the token and its expiry). */
function storedOf(engine: Engine): ICredentialDataDecryptedObject {
	const stored = engine.credentials.stored('xl-1');
	if (!stored) throw new Error('No credential xl-1 is stored');
	return stored;
}

function setup(data: IDataObject = {}) {
	const engine = new Engine();
	const credentials = engine.addCredential('xl-1', 'loyalifeApi', {
		baseUrl: box.sim.baseUrl('loyalife'),
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		programId: '1001',
		...data,
	});
	const run = (parameters: INodeParameters, options: RunOptions = {}) =>
		engine.runNode({ type: 'loyalife', credentials, parameters, ...options });
	return { engine, run };
}

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the token endpoint's path, not a secret
const TOKEN_ROUTE = '/lbms-ingress/oauth/api/Auth/Token';
const GET_MEMBER = ['loyalife', 'GET', '/lbms-ingress/member/api/Member/GetMemberProfile'] as const;
const getMember = {
	resource: 'member',
	operation: 'getProfile',
	relationReference: '={{ $json.ref }}',
};
const refs = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ ref: `MEM${String((i % 25) + 1).padStart(4, '0')}` }));
const decode = (jwt: string) =>
	JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as { scope: unknown };

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
		expect(tokenRequest?.headers['content-type']).toMatch(/application\/json/);
		expect(tokenRequest?.body).toEqual({
			grant_type: 'client_credentials',
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
		});
		const stored = storedOf(engine);
		expect(stored.token).toMatch(/^ey/);
		expect(stored.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const api = box.sim.stats.log.find((r) => r.route.includes('GetMemberProfile'));
		expect(api?.headers.authorization).toBe(`bearer ${stored.token}`);
		await run(getMember, { items: refs(5) });
		expect(box.sim.stats.tokens.loyalife).toBe(1);
	});

	test('a token expired in the simulator is replaced once and the request retried', async () => {
		const { run, engine } = setup();
		await run(getMember, { items: refs(1) });
		const first = storedOf(engine).token;
		sim().tokens.expireAll();
		box.sim.stats.reset();
		const { items, error } = await run(getMember, { items: refs(4) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(box.sim.stats.tokens.loyalife).toBe(1);
		expect(box.sim.requestsTo(...GET_MEMBER)).toBe(5);
		expect(storedOf(engine).token).not.toBe(first);
	});

	test('rotated credentials give a clear error with the provider message and code', async () => {
		const { run } = setup();
		await run(getMember, { items: refs(1) });
		sim().control.rotateSecret({ clientId: CLIENT_ID, clientSecret: 'rotated-new-secret' });
		try {
			const { error, items } = await run(getMember, { items: refs(3) });
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				'Loyalife refused the credential: could not get an access token (Invalid client_id or client_secret. Regenerated credentials invalidate the old ones. (ErrorCode 401))',
			);
			expect(error?.description).toMatch(/Check the client ID, the client secret/);
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
		expect(tokenRequest?.body.scope).toBe('["LOGIN","MEM0003"]');
		expect(decode(storedOf(engine).token as string).scope).toEqual(['LOGIN', 'MEM0003']);
		const other = await run(getMember, { items: [{ ref: 'MEM0004' }] });
		expect(other.error?.message).toMatch(
			/^Loyalife answered HTTP 403 \(item 0\): This token is bound to member MEM0003 and cannot access MEM0004/,
		);
		expect(other.error?.description).toMatch(/binds the token to a member/);
	});

	test('an error envelope names the provider message and code; continueOnFail keeps it on its item', async () => {
		const { run } = setup();
		const { error } = await run(getMember, { items: [{ ref: 'NOPE' }] });
		expect(error?.message).toMatch(/^Loyalife answered HTTP 404 \(item 0\): .*NOPE/);
		const mixed = await run(getMember, {
			items: [{ ref: 'MEM0001' }, { ref: 'NOPE' }, { ref: 'MEM0002' }],
			continueOnFail: true,
		});
		expect(mixed.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(mixed.items[1].pairedItem).toEqual({ item: 1 });
	});
});

/** A logged request with its raw query string (`?a=1&b=2`, as sent), which LoggedRequest does not type. */
type LoggedWithQuery = LoggedRequest & { rawQuery: string };

/** A Loyalife request as received() gives it. */
interface Received {
	method: string;
	path: string;
	query: Record<string, string>;
	body?: unknown;
}

/** Loyalife requests as the simulator received them (token requests aside). */
function received(filter: (r: LoggedRequest) => boolean = () => true): Received[] {
	return box.sim.stats.log
		.filter((r) => r.provider === 'loyalife' && !r.path.endsWith(TOKEN_ROUTE))
		.filter(filter)
		.map((r) => ({
			method: r.method,
			path: r.path.replace(/^\/loyalife/, ''),
			query: r.query,
			...(r.body !== undefined ? { body: r.body } : {}),
		}));
}
/** A request's JSON body, an object (as the simulator parsed it). */
const bodyOf = (r: Received | undefined) => r?.body as IDataObject;
/** A batch request's JSON body, an array of transactions. */
const batchOf = (r: Received | undefined) => r?.body as IDataObject[];
const json = (items: INodeExecutionData[]) => items.map((i) => i.json);
const scope = (ref: string) => ({
	RelationReference: ref,
	TransactionCurrency: 'DEFAULT',
	RelationType: 4,
	ProgramId: 1001,
});

describe('Member (members/*)', () => {
	test('create with a status code and custom attributes; Get Profile and Get by Attribute find them; 409 on a second create', async () => {
		const { run } = setup();
		const create = {
			resource: 'member',
			operation: 'create',
			relationReference: 'NEW-0001',
			fullName: 'Jane Doe',
			email: 'jane.doe@example.com',
			mobileNumber: '+919876500999',
			status: '1',
			additionalFields: {
				gender: 'F',
				dob: '1990-06-15T00:00:00.000Z',
				address: '123 Main Street',
			},
			customAttributes: { attribute: [{ key: 'city', value: 'Mumbai' }] },
		};
		const created = await run(create);
		expect(created.error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/lbms-ingress/member/api/Member/CreateProfileWithAttributes',
				query: { pintProgramId: '1001' },
				body: {
					relation_reference: 'NEW-0001',
					full_name: 'Jane Doe',
					email_id: 'jane.doe@example.com',
					mobile_number: '+919876500999',
					status: '1',
					gender: 'F',
					dob: '1990-06-15',
					address: '123 Main Street',
					city: 'Mumbai',
				},
			},
		]);
		expect(json(created.items)[0]).toMatchObject({ relationReference: 'NEW-0001', created: true });
		const profile = await run({
			resource: 'member',
			operation: 'getProfile',
			relationReference: 'NEW-0001',
		});
		expect(json(profile.items)[0]).toMatchObject({
			RelationReference: 'NEW-0001',
			FullName: 'Jane Doe',
			Status: 1,
			Gender: 'F',
		});
		expect(Number.isInteger(json(profile.items)[0].Id)).toBe(true);
		const byEmail = await run({
			resource: 'member',
			operation: 'get',
			attributeName: 'email_id',
			attributeValue: 'jane.doe@example.com',
		});
		expect(json(byEmail.items)[0]).toMatchObject({
			RelationReference: 'NEW-0001',
			Id: json(profile.items)[0].Id,
		});
		expect(received().at(-1)).toMatchObject({
			query: {
				pintProgramId: '1001',
				pstrAttributeName: 'email_id',
				pstrAttributeValue: 'jane.doe@example.com',
			},
		});
		const again = await run(create);
		expect(again.error?.message).toMatch(/^Loyalife answered HTTP 409 \(item 0\)/);
		expect(again.error?.description).toMatch(/already exists/);
	});

	test('update sends {id, data} with the internal ID found by relation reference or e-mail, or given; only the fields given', async () => {
		const { run } = setup();
		const id = seeded('MEM0007').Id;
		const byRef = await run({
			resource: 'member',
			operation: 'update',
			findBy: 'relationReference',
			relationReference: 'MEM0007',
			updateFields: { full_name: 'Seven Renamed', status: '2' },
		});
		expect(byRef.error).toBeUndefined();
		expect(received().map((r) => [r.method, r.path.split('/').at(-1), r.body])).toEqual([
			['GET', 'GetMemberProfile', undefined],
			[
				'POST',
				'UpdateProfileWithAttributes',
				{ id, data: { full_name: 'Seven Renamed', status: '2' } },
			],
		]);
		expect(sim().state.members.get('MEM0007')).toMatchObject({
			FullName: 'Seven Renamed',
			Status: 2,
		});
		box.sim.stats.reset();
		const byEmail = await run({
			resource: 'member',
			operation: 'update',
			findBy: 'email',
			email: 'member7@example.com',
			updateFields: { city: undefined },
			customAttributes: { attribute: [{ key: 'preferred_store', value: 'Andheri' }] },
		});
		expect(byEmail.error).toBeUndefined();
		expect(received().map((r) => r.path.split('/').at(-1))).toEqual([
			'GetMemberDetailsByUniqueAttribute',
			'UpdateProfileWithAttributes',
		]);
		expect(received().at(-1)?.body).toEqual({ id, data: { preferred_store: 'Andheri' } });
		box.sim.stats.reset();
		const taken = await run({
			resource: 'member',
			operation: 'update',
			findBy: 'id',
			memberId: id,
			updateFields: { email_id: 'member8@example.com' },
		});
		expect(received().map((r) => r.path.split('/').at(-1))).toEqual([
			'UpdateProfileWithAttributes',
		]);
		expect(taken.error?.message).toMatch(/E205/);
		const nothing = await run({
			resource: 'member',
			operation: 'update',
			findBy: 'id',
			memberId: id,
		});
		expect(nothing.error?.message).toBe(
			'Update Fields needs at least one field to change (Loyalife requires one) (item 0)',
		);
	});

	test('check credentials: the hash matches (status, last login); a wrong one is valid: false', async () => {
		const { run } = setup();
		const good = await run({
			resource: 'member',
			operation: 'checkCredentials',
			relationReference: 'MEM0004',
			password: sim().passwordHashOf('MEM0004'),
		});
		expect(good.error).toBeUndefined();
		expect(received()[0].body).toEqual({
			UniquerefID: 'MEM0004',
			ProgramId: 1001,
			RelationType: 4,
			Password: sim().passwordHashOf('MEM0004'),
		});
		expect(json(good.items)[0]).toMatchObject({ valid: true, Status: 1, LoginAttempt: 0 });
		const bad = await run({
			resource: 'member',
			operation: 'checkCredentials',
			relationReference: 'MEM0004',
			password: 'not-the-hash',
		});
		expect(bad.error).toBeUndefined();
		expect(json(bad.items)[0]).toMatchObject({ valid: false, UniquerefID: 'MEM0004' });
		expect(allText(bad.items)).not.toContain(sim().passwordHashOf('MEM0004'));
		// The wrong password's 401 is an answer: no new token, and the password is sent once, not twice.
		const tokens = box.sim.stats.tokens.loyalife;
		box.sim.stats.reset();
		const again = await run({
			resource: 'member',
			operation: 'checkCredentials',
			relationReference: 'MEM0004',
			password: 'not-the-hash-either',
		});
		expect(json(again.items)[0]).toMatchObject({ valid: false });
		expect(box.sim.stats.tokens.loyalife ?? 0).toBe(0);
		expect(tokens).toBeGreaterThan(0);
		expect(
			received().filter((c) => c.path.endsWith('CheckMembershipCredentialsByRelationReference')),
		).toHaveLength(1);
	});
});

describe('One-Time Password (otp/*)', () => {
	test('sent by e-mail and verified with the same type; a wrong code or type is valid: false; by relation reference too', async () => {
		const { run } = setup();
		const send = await run({
			resource: 'otp',
			operation: 'generate',
			by: 'email',
			email: 'member5@example.com',
			otpType: 'TwoFA',
			sourceAddress: '192.168.1.1',
		});
		expect(send.error).toBeUndefined();
		expect(received()[0]).toEqual({
			method: 'POST',
			path: '/lbms-ingress/member/api/Member/GenerateOTP',
			query: {},
			body: {
				UniquerefID: 'member5@example.com',
				SourceAddress: '192.168.1.1',
				SourceCode: 1,
				OtpType: 'TwoFA',
				ProgramId: 1001,
				RelationType: 4,
			},
		});
		const code = lastOtp();
		const verify = (otp: number, otpType = 'TwoFA') =>
			run({
				resource: 'otp',
				operation: 'verify',
				by: 'email',
				email: 'member5@example.com',
				otpType,
				otp,
				destination: 'Mobile',
				destinationAddress: '10.0.0.9',
			});
		expect(json((await verify(code === 111111 ? 222222 : 111111)).items)[0]).toMatchObject({
			valid: false,
		});
		expect(json((await verify(code, 'LOGIN')).items)[0]).toMatchObject({ valid: false });
		const right = await verify(code);
		expect(json(right.items)[0]).toEqual({
			valid: true,
			UniquerefID: 'member5@example.com',
			OtpType: 'TwoFA',
		});
		expect(received().at(-1)?.body).toEqual({
			UniquerefID: 'member5@example.com',
			OTP: code,
			DestinationAddress: '10.0.0.9',
			Destination: 'Mobile',
			OtpType: 'TwoFA',
			ProgramId: 1001,
			RelationType: 4,
		});
		// Single use.
		expect(json((await verify(code)).items)[0]).toMatchObject({ valid: false });

		box.sim.stats.reset();
		await run({
			resource: 'otp',
			operation: 'generate',
			by: 'relationReference',
			relationReference: 'MEM0006',
			otpType: 'LOGIN',
			sourceAddress: '192.168.1.1',
		});
		const second = lastOtp();
		const ok = await run({
			resource: 'otp',
			operation: 'verify',
			by: 'relationReference',
			relationReference: 'MEM0006',
			otpType: 'LOGIN',
			otp: second,
			destination: 'Web',
			destinationAddress: '10.0.0.9',
		});
		expect(json(ok.items)[0]).toMatchObject({ valid: true, UniquerefID: 'MEM0006' });
		expect(received().map((r) => r.path.split('/').at(-1))).toEqual([
			'GenerateOTPByRelationReference',
			'VerifyOTPByRelationReference',
		]);
	});
});

describe('Transaction (transactions/*)', () => {
	const purchase = (extra = {}) => ({
		resource: 'transaction',
		operation: 'create',
		transactionId: '={{ $json.id }}',
		memberRelationReference: '={{ $json.member }}',
		amount: '={{ $json.amount }}',
		transactionDate: '2026-05-11T10:00:00.000Z',
		productCode: 'CARD',
		transactionType: 'DR',
		...extra,
	});

	test('Create: one transaction as the page lists it (DR earns, no idempotency field), not retried', async () => {
		const { run } = setup();
		const before = sim().pointsOf('MEM0009');
		const { items, error } = await run(purchase(), {
			items: [{ id: 'POS-1', member: 'MEM0009', amount: 1500 }],
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual([
			{
				method: 'POST',
				path: '/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionData',
				query: { pintProgramId: '1001' },
				body: {
					transaction_id: 'POS-1',
					amount: 1500,
					transaction_date: '2026-05-11',
					product_code: 'CARD',
					member_relation_reference: 'MEM0009',
					transaction_type: 'DR',
				},
			},
		]);
		expect(json(items)[0]).toMatchObject({ recorded: true, transaction_id: 'POS-1' });
		expect(sim().pointsOf('MEM0009')).toBe(before + 150);
		const unknown = await run(purchase(), { items: [{ id: 'POS-2', member: 'NOPE', amount: 10 }] });
		expect(unknown.error?.message).toMatch(/103/);
	});

	test('Create Batch waits for the outcome: applied with points, partly held, on hold, and a failed item failing alone', async () => {
		const { run } = setup();
		const items = [
			{ id: 'B-1', member: 'MEM0010', amount: 1000 },
			{ id: 'B-2', member: 'MEM0011', amount: 30000 },
			{ id: 'B-3', member: 'MEM0012', amount: 60000 },
			{ id: 'B-4', member: 'NOPE', amount: 100 },
			{ id: 'B-5', member: 'MEM0013', amount: 500 },
		];
		const result = await run(purchase({ operation: 'createBatch' }), {
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		const out = json(result.items);
		expect(out.map((o) => o.status ?? 'error')).toEqual([
			'applied',
			'partially held',
			'on hold',
			'error',
			'applied',
		]);
		expect(out[0]).toMatchObject({ transaction_id: 'B-1', points: 100, transaction_type: 'dr' });
		expect(out[3].error).toMatch(/^Loyalife did not apply transaction B-4: Member does not exist/);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const calls = received();
		expect(calls[0]).toMatchObject({
			method: 'POST',
			path: '/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2',
			query: { pintProgramId: '1001' },
		});
		expect(calls[0].body).toHaveLength(5);
		expect(batchOf(calls[0])[0]._xoxo_api_client_idempotency).toMatch(/^n8n-[0-9a-f]{40}$/);
		// Polled until nothing was pending (the simulator holds items pending for one poll).
		const polls = calls.filter((c) => c.path.endsWith('PollTransactionBatchStatus'));
		expect(polls.length).toBe(2);
		expect(polls[0].query).toEqual({ pintProgramId: '1001', batch_id: out[0].batch_id });

		// Without continueOnFail the failed item stops the run, and the error says which items were applied.
		const stopped = await run(purchase({ operation: 'createBatch' }), {
			items: items.map((i) => ({ ...i, id: `${i.id}-again` })),
		});
		expect(stopped.error?.message).toMatch(/B-4-again/);

		// Get Batch Status reads the same batch.
		const status = await run({
			resource: 'transaction',
			operation: 'getBatchStatus',
			batchId: out[0].batch_id as string,
		});
		expect(json(status.items)[0]).toMatchObject({
			batch_id: out[0].batch_id,
			summary: { total: 5, success: 2, failed: 1, pending: 0, on_hold: 1, partial_hold: 1 },
		});

		// Sent again (the same keys): nothing recorded twice.
		const count = sim().state.transactions.filter((t) => t.TransactionId === 'B-1').length;
		await run(purchase({ operation: 'createBatch' }), { items: items.slice(0, 1) });
		expect(sim().state.transactions.filter((t) => t.TransactionId === 'B-1')).toHaveLength(count);
	});

	test('Create Batch waits for its chunks at the same time: two chunks held pending take well under twice one', async () => {
		const { run } = setup();
		const before = sim().state.options.batchPendingPolls;
		// Each batch stays pending for two polls (0.5 s, then 1 s later, then 2 s later: about 3.5 s).
		sim().state.options.batchPendingPolls = 2;
		try {
			const timed = async (items: IDataObject[]) => {
				const started = Date.now();
				const result = await run(purchase({ operation: 'createBatch', batchSize: 1 }), { items });
				return { ...result, ms: Date.now() - started };
			};
			const one = await timed([{ id: 'C-1', member: 'MEM0017', amount: 100 }]);
			expect(one.error).toBeUndefined();
			const two = await timed([
				{ id: 'C-2', member: 'MEM0018', amount: 100 },
				{ id: 'C-3', member: 'MEM0019', amount: 100 },
			]);
			expect(two.error).toBeUndefined();
			expect(json(two.items).map((o) => [o.transaction_id, o.status])).toEqual([
				['C-2', 'applied'],
				['C-3', 'applied'],
			]);
			const sent = received().filter((c) => c.path.endsWith('InsertTransactionDataV2'));
			expect(sent.slice(-2).map((c) => batchOf(c).map((t) => t.transaction_id))).toEqual([
				['C-2'],
				['C-3'],
			]);
			expect(one.ms).toBeGreaterThan(3000);
			expect(two.ms).toBeLessThan(one.ms * 1.5);
		} finally {
			sim().state.options.batchPendingPolls = before;
		}
	}, 30_000);

	test('Create Batch without waiting: queued with batch and request IDs', async () => {
		const { run } = setup();
		const { items, error } = await run(
			purchase({ operation: 'createBatch', waitForOutcome: false }),
			{
				items: [{ id: 'Q-1', member: 'MEM0014', amount: 100 }],
			},
		);
		expect(error).toBeUndefined();
		expect(json(items)[0]).toMatchObject({ status: 'queued', transaction_id: 'Q-1' });
		expect(json(items)[0].request_id).toBeTruthy();
		expect(received().filter((c) => c.path.endsWith('PollTransactionBatchStatus'))).toEqual([]);
	});

	test('the same idempotency key twice: recorded once where the program enforces it, twice where it does not (the simulator option)', async () => {
		const { run } = setup();
		const send = (id: string) =>
			run(purchase({ operation: 'createBatch', idempotencyKey: `K-${id}` }), {
				items: [{ id, member: 'MEM0018', amount: 100 }],
			});
		const recorded = (id: string) => sim().state.transactions.filter((t) => t.TransactionId === id);
		expect((await send('IDEM-1')).error).toBeUndefined();
		expect((await send('IDEM-1')).error).toBeUndefined();
		expect(recorded('IDEM-1')).toHaveLength(1);
		sim().state.options.enforceIdempotency = false;
		try {
			expect((await send('IDEM-2')).error).toBeUndefined();
			expect((await send('IDEM-2')).error).toBeUndefined();
			expect(recorded('IDEM-2')).toHaveLength(2);
		} finally {
			sim().state.options.enforceIdempotency = true;
		}
	});

	test('Create Batch, the snapshot A answer (000, no request IDs): nothing failed, held or pending marks every item applied; otherwise submitted with the summary; one item takes its single result', async () => {
		const { run } = setup();
		sim().state.options.batchSnapshot = 'A';
		try {
			const clean = await run(purchase({ operation: 'createBatch' }), {
				items: [
					{ id: 'A-1', member: 'MEM0015', amount: 100 },
					{ id: 'A-2', member: 'MEM0016', amount: 200 },
				],
			});
			expect(clean.error).toBeUndefined();
			expect(json(clean.items).map((o) => [o.transaction_id, o.status, o.request_id])).toEqual([
				['A-1', 'applied', null],
				['A-2', 'applied', null],
			]);
			expect(json(clean.items)[0].summary).toMatchObject({ total: 2, success: 2, pending: 0 });

			const held = await run(purchase({ operation: 'createBatch' }), {
				items: [
					{ id: 'A-3', member: 'MEM0015', amount: 100 },
					{ id: 'A-4', member: 'NOPE', amount: 100 },
				],
			});
			expect(held.error).toBeUndefined();
			expect(json(held.items).map((o) => o.status)).toEqual(['submitted', 'submitted']);
			expect(json(held.items)[1].summary).toMatchObject({ total: 2, success: 1, failed: 1 });

			const one = await run(purchase({ operation: 'createBatch' }), {
				items: [{ id: 'A-5', member: 'NOPE', amount: 100 }],
				continueOnFail: true,
			});
			expect(json(one.items)[0].error).toMatch(
				/^Loyalife did not apply transaction A-5: Member does not exist/,
			);
			const single = await run(purchase({ operation: 'createBatch' }), {
				items: [{ id: 'A-6', member: 'MEM0016', amount: 1000 }],
			});
			expect(json(single.items)[0]).toMatchObject({ status: 'applied', points: 100 });
		} finally {
			sim().state.options.batchSnapshot = 'B';
		}
	});

	test("Create Batch: a queued transaction_id that is not the item's fails the chunk, naming both", async () => {
		const { run } = setup();
		// The same idempotency key on a different transaction: Loyalife answers the first one's entry.
		const first = await run(purchase({ operation: 'createBatch', idempotencyKey: 'K-dup' }), {
			items: [{ id: 'M-1', member: 'MEM0017', amount: 100 }],
		});
		expect(first.error).toBeUndefined();
		const polls = () => received((r) => r.path.endsWith('PollTransactionBatchStatus')).length;
		const polledBefore = polls();
		const again = await run(
			purchase({ operation: 'createBatch', idempotencyKey: '={{ $json.key }}' }),
			{
				items: [
					{ id: 'M-2', member: 'MEM0017', amount: 100, key: 'K-new' },
					{ id: 'M-3', member: 'MEM0017', amount: 100, key: 'K-dup' },
				],
				continueOnFail: true,
			},
		);
		const out = json(again.items);
		expect(out).toHaveLength(2);
		expect(out.every((o) => typeof o.error === 'string')).toBe(true);
		expect(out[0].error).toMatch(
			/^Loyalife's queued transaction 1 is "M-1", not the "M-3" sent \(item 1\)/,
		);
		// Nothing polled: the request IDs could not be trusted.
		expect(polls()).toBe(polledBefore);
	});

	test('Local Attributes go into the transaction as extra fields (single and batch); the demo program, which configures none, refuses them naming the field', async () => {
		const { run } = setup();
		const local = { attribute: [{ key: 'store_id', value: 'STORE-42' }] };
		const refused = await run(purchase({ localAttributes: local }), {
			items: [{ id: 'L-1', member: 'MEM0018', amount: 100 }],
		});
		expect(refused.error?.message).toMatch(
			/store_id is not a field of this request \(local attributes configured: none\)/,
		);
		expect(received()[0].body).toMatchObject({ transaction_id: 'L-1', store_id: 'STORE-42' });
		sim().state.options.localAttributes = ['store_id'];
		try {
			box.sim.stats.reset();
			const single = await run(purchase({ localAttributes: local }), {
				items: [{ id: 'L-2', member: 'MEM0018', amount: 100 }],
			});
			expect(single.error).toBeUndefined();
			const batch = await run(
				purchase({ operation: 'createBatch', waitForOutcome: false, localAttributes: local }),
				{ items: [{ id: 'L-3', member: 'MEM0018', amount: 100 }] },
			);
			expect(batch.error).toBeUndefined();
			expect(received().map((r) => r.body)).toEqual([
				expect.objectContaining({ transaction_id: 'L-2', store_id: 'STORE-42' }),
				[expect.objectContaining({ transaction_id: 'L-3', store_id: 'STORE-42' })],
			]);
		} finally {
			sim().state.options.localAttributes = [];
		}
		const clash = await run(
			purchase({ localAttributes: { attribute: [{ key: 'amount', value: '1' }] } }),
			{ items: [{ id: 'L-4', member: 'MEM0018', amount: 100 }] },
		);
		expect(clash.error?.message).toMatch(
			/^Local Attributes \(1\) → Key "amount" is a field of the transaction itself/,
		);
	});

	test("Get Many pages one member's summary by MinimumRange / MaximumRange up to Count; Limit stops there", async () => {
		const { run } = setup();
		const all = await run({
			resource: 'transaction',
			operation: 'getMany',
			relationReference: 'MEM0001',
			dateFrom: '2020-01-01T00:00:00Z',
			dateTo: '2030-01-01T00:00:00Z',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		const own = sim().state.transactions.filter(
			(t) => t.RelationReference === 'MEM0001' && t.Listed,
		);
		expect(all.items).toHaveLength(own.length);
		expect(new Set(json(all.items).map((t) => t.ExternalReference)).size).toBe(own.length);
		expect(received()[0].body).toEqual({
			DateFrom: '2020-01-01T00:00:00',
			DateTo: '2030-01-01T00:00:00',
			MinimumRange: 0,
			MaximumRange: 100,
			...scope('MEM0001'),
		});
		box.sim.stats.reset();
		const some = await run({
			resource: 'transaction',
			operation: 'getMany',
			relationReference: 'MEM0001',
			dateFrom: '2020-01-01T00:00:00Z',
			returnAll: false,
			limit: 3,
		});
		expect(some.items).toHaveLength(3);
		expect(received()).toHaveLength(1);
		expect(received()[0].body).toMatchObject({ MinimumRange: 0, MaximumRange: 3 });
	});
});

test("Get Many sends From and To as the wall clock of the credential's Time Zone (Asia/Kolkata, UTC+5:30)", async () => {
	box.sim.stats.reset();
	const { run } = setup({ timeZone: 'Asia/Kolkata' });
	const { error } = await run({
		resource: 'transaction',
		operation: 'getMany',
		relationReference: 'MEM0001',
		dateFrom: '2026-01-01T00:00:00Z',
		dateTo: '2026-01-31T20:00:00Z',
		returnAll: true,
	});
	expect(error).toBeUndefined();
	expect(received()[0].body).toMatchObject({
		DateFrom: '2026-01-01T05:30:00',
		DateTo: '2026-02-01T01:30:00',
	});
	const wrong = await setup({ timeZone: 'India' }).run({
		resource: 'transaction',
		operation: 'getMany',
		relationReference: 'MEM0001',
		dateFrom: '2026-01-01T00:00:00Z',
	});
	expect(wrong.error?.message).toBe(
		'The Loyalife credential\'s Time Zone is not a time zone, got "India"',
	);
});

describe('Points (payment-gateway/*, statement, expiry)', () => {
	test('balance, statement and expiry schedule of a member, each as its page asks', async () => {
		const { run } = setup();
		const balance = await run({
			resource: 'points',
			operation: 'getBalance',
			relationReference: 'MEM0002',
		});
		expect(json(balance.items)[0]).toEqual({
			relationReference: 'MEM0002',
			points: sim().pointsOf('MEM0002'),
		});
		const statement = await run({
			resource: 'points',
			operation: 'getStatement',
			relationReference: 'MEM0002',
		});
		expect(json(statement.items)[0]).toMatchObject({
			relationReference: 'MEM0002',
			PointBalance: sim().pointsOf('MEM0002'),
		});
		const expiry = await run({
			resource: 'points',
			operation: 'getExpirySchedule',
			relationReference: 'MEM0002',
			year: 2026,
		});
		expect(json(expiry.items)[0]).toMatchObject({
			relationReference: 'MEM0002',
			Year: 2026,
			Period: 'Quarterly',
		});
		expect(received().map((r) => [r.method, r.path.split('/').at(-1), r.body])).toEqual([
			['POST', 'CheckAvailability', scope('MEM0002')],
			['POST', 'GetMemberStatementSummary', scope('MEM0002')],
			['POST', 'GetExpirySchedule', { ...scope('MEM0002'), Year: 2026 }],
		]);
	});

	test('redeem checks the balance first and outputs the ExternalReference; reverse restores the points once; a short balance spends nothing', async () => {
		const { run } = setup();
		const before = sim().pointsOf('MEM0003');
		const redeem = (points: number) =>
			run({
				resource: 'points',
				operation: 'redeem',
				relationReference: 'MEM0003',
				points,
				amount: points,
				merchantName: 'Amazon',
				loyaltyTxnType: 30,
			});
		const spent = await redeem(20);
		expect(spent.error).toBeUndefined();
		const out = json(spent.items)[0];
		expect(out).toMatchObject({
			relationReference: 'MEM0003',
			points: 20,
			balanceBefore: before,
			merchantName: 'Amazon',
			loyaltyTxnType: 30,
		});
		expect(out.externalReference).toMatch(/^[0-9A-F-]{36}$/);
		expect(received().map((r) => [r.path.split('/').at(-1), r.body])).toEqual([
			['CheckAvailability', scope('MEM0003')],
			[
				'RedeemPoints',
				{ ...scope('MEM0003'), Amount: 20, Points: 20, MerchantName: 'Amazon', LoyaltyTxnType: 30 },
			],
		]);
		expect(sim().pointsOf('MEM0003')).toBe(before - 20);

		box.sim.stats.reset();
		const short = await redeem(before * 10 + 1000);
		expect(short.error?.message).toBe(
			`Member MEM0003 has ${before - 20} redeemable points, fewer than the ${before * 10 + 1000} to redeem (item 0)`,
		);
		expect(received().map((r) => r.path.split('/').at(-1))).toEqual(['CheckAvailability']);

		const reverse = () =>
			run({
				resource: 'points',
				operation: 'reverse',
				relationReference: 'MEM0003',
				externalReference: out.externalReference as string,
				merchantName: 'Amazon',
			});
		const reversed = await reverse();
		expect(reversed.error).toBeUndefined();
		expect(received().at(-1)?.body).toEqual({
			RelationReference: 'MEM0003',
			MerchantName: 'Amazon',
			ExternalReference: out.externalReference,
			ProgramId: 1001,
		});
		expect(sim().pointsOf('MEM0003')).toBe(before);
		const twice = await reverse();
		expect(twice.error?.message).toMatch(/110/);
		expect(sim().pointsOf('MEM0003')).toBe(before);
	});

	test('an inactive member cannot redeem: the balance check answers 107', async () => {
		const { run } = setup();
		const { error } = await run({
			resource: 'points',
			operation: 'redeem',
			relationReference: 'MEM0024',
			points: 1,
			amount: 1,
			merchantName: 'Amazon',
			loyaltyTxnType: 30,
		});
		expect(error?.message).toMatch(/107/);
		expect(received().map((r) => r.path.split('/').at(-1))).toEqual(['CheckAvailability']);
	});
});

/** A status and the envelope the simulator answered. */
interface Answer {
	status: number;
	body: { results: IDataObject };
}

describe("the simulator's envelopes (concepts/response-format)", () => {
	const call = async (path: string, body: unknown, token?: string): Promise<Answer> =>
		fetch(box.sim.baseUrl('loyalife') + path, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(token ? { authorization: `bearer ${token}` } : {}),
			},
			body: JSON.stringify(body),
		}).then(async (r) => ({ status: r.status, body: (await r.json()) as Answer['body'] }));
	test('an error envelope carries Count; a body of the wrong JSON kind is 998, a bad field 999', async () => {
		const token = (
			await call(TOKEN_ROUTE, {
				grant_type: 'client_credentials',
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
			})
		).body.results.token as string;
		const path = '/lbms-ingress/pg-lm/API/PG/CheckAvailability';
		const kind = await call(path, ['not', 'an', 'object'], token);
		expect(kind).toEqual({
			status: 400,
			body: {
				results: {
					IsSucessful: false,
					ErrorCode: '998',
					ExceptionMessage: 'body must be a JSON object',
					ReturnObject: null,
					Count: 0,
				},
			},
		});
		const field = await call(path, { RelationReference: 'MEM0001' }, token);
		expect(field.status).toBe(400);
		expect(field.body.results).toMatchObject({ ErrorCode: '999', ReturnObject: null, Count: 0 });
		expect(field.body.results.ExceptionMessage).toMatch(/TransactionCurrency/);
		const batch = await call(
			'/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2?pintProgramId=1001',
			{ transaction_id: 'X' },
			token,
		);
		expect(batch.body.results).toMatchObject({ ErrorCode: '998', Count: 0 });
		// The token endpoint's 401 is as its page shows it: no ReturnObject, no Count.
		const refused = await call(TOKEN_ROUTE, {
			grant_type: 'client_credentials',
			client_id: CLIENT_ID,
			client_secret: 'wrong',
		});
		expect(refused).toEqual({
			status: 401,
			body: {
				results: {
					IsSucessful: false,
					ErrorCode: '401',
					ExceptionMessage:
						'Invalid client_id or client_secret. Regenerated credentials invalidate the old ones.',
				},
			},
		});
	});
});

describe('refusals', () => {
	test('an amount of 0 is refused before anything is sent (Redeem, Create, Create Batch), as the simulator refuses it', async () => {
		const { run } = setup();
		const redeem = await run({
			resource: 'points',
			operation: 'redeem',
			relationReference: 'MEM0005',
			points: 1,
			amount: 0,
			merchantName: 'Amazon',
			loyaltyTxnType: 30,
		});
		expect(redeem.error?.message).toMatch(/^Amount must be at least 0\.01, got 0/);
		for (const operation of ['create', 'createBatch']) {
			const txn = await run({
				resource: 'transaction',
				operation,
				transactionId: 'Z-1',
				memberRelationReference: 'MEM0005',
				amount: 0,
				transactionDate: '2026-05-11T10:00:00.000Z',
				productCode: 'CARD',
				transactionType: 'DR',
			});
			expect(txn.error?.message).toMatch(/^Amount must be at least 0\.01, got 0/);
		}
		expect(received()).toEqual([]);
	});

	test('Get Expiry Schedule asks for the current year unless one is set', async () => {
		const { run } = setup();
		const { error } = await run({
			resource: 'points',
			operation: 'getExpirySchedule',
			relationReference: 'MEM0005',
		});
		expect(error).toBeUndefined();
		expect(bodyOf(received()[0]).Year).toBe(new Date().getFullYear());
	});

	test('a malformed verify (ErrorCode 999) is an error, not an invalid code', async () => {
		const { run } = setup({ relationType: 0, relationTypeOther: 5 });
		const { error } = await run({
			resource: 'otp',
			operation: 'verify',
			by: 'email',
			email: 'member5@example.com',
			otpType: 'LOGIN',
			otp: 123456,
			destination: 'Web',
			destinationAddress: '10.0.0.9',
		});
		expect(error?.message).toMatch(
			/^Loyalife answered HTTP 400 \(item 0\): RelationType .*ErrorCode 999/,
		);
	});
});

describe('answers the node does not take for success', () => {
	const check = (password: string | undefined) => ({
		resource: 'member',
		operation: 'checkCredentials',
		relationReference: 'MEM0006',
		password,
	});
	const checks = () =>
		box.sim.stats.log.filter((r) =>
			r.path.endsWith('CheckMembershipCredentialsByRelationReference'),
		);

	test('check credentials with a dead token: a right hash is valid, a wrong one invalid, one token fetched', async () => {
		const { run } = setup();
		expect((await run(getMember, { items: refs(1) })).error).toBeUndefined();
		// As after "Reset Client and Secret ID" with the same pair kept: tokens refused before tokenExpiresOn.
		sim().tokens.revokeAll(() => true);
		box.sim.stats.reset();
		const good = await run(check(sim().passwordHashOf('MEM0006')));
		expect(good.error).toBeUndefined();
		expect(json(good.items)[0]).toMatchObject({ valid: true, Status: 1 });
		expect(box.sim.stats.tokens.loyalife).toBe(1);
		sim().tokens.revokeAll(() => true);
		box.sim.stats.reset();
		const bad = await run(check('not-the-hash'));
		expect(bad.error).toBeUndefined();
		expect(json(bad.items)[0]).toMatchObject({ valid: false, UniquerefID: 'MEM0006' });
		expect(box.sim.stats.tokens.loyalife).toBe(1);
		// The dead token's 401, then the one check with the fresh token: the password was judged once.
		const [dead, fresh] = checks();
		expect(checks()).toHaveLength(2);
		expect([dead.status, fresh.status]).toEqual([401, 401]);
		expect(fresh.headers.authorization).not.toBe(dead.headers.authorization);
		// A live token and a wrong hash: no token fetched, the check sent once.
		box.sim.stats.reset();
		const again = await run(check('not-the-hash-either'));
		expect(json(again.items)[0]).toMatchObject({ valid: false });
		expect(box.sim.stats.tokens.loyalife ?? 0).toBe(0);
		expect(checks()).toHaveLength(1);
	});

	test('an answer without the envelope fails the item, naming the envelope', async () => {
		const { run } = setup();
		box.sim.faults.add('loyalife', {
			type: 'status',
			status: 200,
			count: 1,
			path: 'InsertTransactionData',
			body: { ok: true },
		});
		const { error, items } = await run({
			resource: 'transaction',
			operation: 'create',
			memberRelationReference: 'MEM0006',
			transactionId: 'ENV-1',
			amount: 100,
			transactionDate: '2026-05-11',
			productCode: 'CARD',
			transactionType: 'DR',
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(/without its envelope \(results\.IsSucessful is not true\)/);
	});

	test('IsSucessful true with ReturnObject other than true fails a write, saying so', async () => {
		const { run } = setup();
		box.sim.faults.add('loyalife', {
			type: 'status',
			status: 200,
			count: 1,
			path: 'ReversalPoints',
			body: {
				results: {
					IsSucessful: true,
					ErrorCode: '000',
					ExceptionMessage: 'Success',
					ReturnObject: null,
					Count: 0,
				},
			},
		});
		const { error } = await run({
			resource: 'points',
			operation: 'reverse',
			relationReference: 'MEM0006',
			merchantName: 'Amazon',
			externalReference: '3FA85F64-5717-4562-B3FC-2C963F66AFA6',
		});
		expect(error?.message).toBe(
			'Loyalife reported success but ReturnObject is null, not true (item 0)',
		);
		expect(error?.description).toMatch(
			/payment-gateway\/reversal-points documents ReturnObject true/,
		);
	});
});

describe("times read in the credential's Time Zone", () => {
	test('Transaction Create / Create Batch: an instant becomes its day in the Time Zone; Get Many From/To without a zone are its wall clock', async () => {
		const { run } = setup({ timeZone: 'Asia/Kolkata' });
		// 20:00 UTC is 01:30 the next day in India.
		const one = await run({
			resource: 'transaction',
			operation: 'create',
			memberRelationReference: 'MEM0010',
			transactionId: 'TZ-1',
			amount: 100,
			transactionDate: '2026-05-11T20:00:00.000Z',
			productCode: 'CARD',
			transactionType: 'DR',
		});
		expect(one.error).toBeUndefined();
		expect(bodyOf(received().at(-1)).transaction_date).toBe('2026-05-12');
		const batch = await run({
			resource: 'transaction',
			operation: 'createBatch',
			waitForOutcome: false,
			memberRelationReference: 'MEM0010',
			transactionId: 'TZ-2',
			amount: 100,
			transactionDate: '2026-05-11T20:00:00+00:00',
			productCode: 'CARD',
			transactionType: 'DR',
		});
		expect(batch.error).toBeUndefined();
		expect(batchOf(received().at(-1))[0].transaction_date).toBe('2026-05-12');
		// Without a zone the day is taken as written.
		await run({
			resource: 'transaction',
			operation: 'create',
			memberRelationReference: 'MEM0010',
			transactionId: 'TZ-3',
			amount: 100,
			transactionDate: '2026-05-11T23:30:00',
			productCode: 'CARD',
			transactionType: 'DR',
		});
		expect(bodyOf(received().at(-1)).transaction_date).toBe('2026-05-11');
		const many = await run({
			resource: 'transaction',
			operation: 'getMany',
			relationReference: 'MEM0010',
			dateFrom: '2026-05-01T09:15:00',
			dateTo: '2026-05-11T18:30:00.000Z',
			returnAll: true,
		});
		expect(many.error).toBeUndefined();
		expect(received().at(-1)?.body).toMatchObject({
			DateFrom: '2026-05-01T09:15:00',
			DateTo: '2026-05-12T00:00:00',
		});
	});
});

describe('review pins: checked keys, batch correlation and chunking, update codes, reversal, URL encoding', () => {
	const member = (extra = {}) => ({
		resource: 'member',
		operation: 'create',
		relationReference: 'PIN-0001',
		fullName: 'Pin One',
		email: 'pin1@example.com',
		mobileNumber: '+919876577001',
		status: '5',
		...extra,
	});

	test('a custom attribute named like a checked body key (status, relation_reference, ...) is refused, naming the field to use; nothing is sent', async () => {
		const { run } = setup();
		for (const [key, field] of [
			['status', 'Status'],
			['relation_reference', 'Relation Reference'],
			['Full_Name', 'Full Name'],
			['email_id', 'Email'],
			['mobile_number', 'Mobile Number'],
			['dob', 'Additional Fields → Date of Birth'],
		]) {
			const { error } = await run(
				member({ customAttributes: { attribute: [{ key, value: '1' }] } }),
			);
			expect(error?.message).toBe(
				`Custom Attributes (1) → Key "${key}" is not a custom attribute: it is sent by the ${field} field, set it there instead (item 0)`,
			);
		}
		const update = await run({
			resource: 'member',
			operation: 'update',
			findBy: 'id',
			memberId: 3,
			customAttributes: { attribute: [{ key: 'status', value: '1' }] },
		});
		expect(update.error?.message).toMatch(/sent by the Update Fields → Status field/);
		expect(received()).toEqual([]);
		expect(sim().state.members.has('PIN-0001')).toBe(false);
	});

	test('Create Batch: an item whose request_id the poll does not list while the summary has work pending is pending, with the hint', async () => {
		const { run } = setup();
		const options = sim().state.options;
		const saved = { ...options };
		Object.assign(options, { batchListsPending: false, batchPendingPolls: 1000 });
		try {
			const { items, error } = await run(
				{
					resource: 'transaction',
					operation: 'createBatch',
					transactionId: '={{ $json.id }}',
					memberRelationReference: 'MEM0015',
					amount: 100,
					transactionDate: '2026-05-11',
					productCode: 'CARD',
					transactionType: 'DR',
					maxWaitSeconds: 1,
				},
				{ items: [{ id: 'UNLISTED-1' }] },
			);
			expect(error).toBeUndefined();
			const polled = box.sim.stats.log.filter((r) => r.path.endsWith('PollTransactionBatchStatus'));
			expect(polled.length).toBeGreaterThan(0);
			expect(json(items)[0]).toMatchObject({
				transaction_id: 'UNLISTED-1',
				status: 'pending',
				points: null,
				hint: expect.stringMatching(
					/^Still pending after \d+ s: check later with Transaction → Get Batch Status/,
				),
			});
		} finally {
			Object.assign(options, saved);
		}
	});

	test('Create Batch sends 101 items as two requests, of 100 and 1, each item in its own request once', async () => {
		const { run } = setup();
		const ids = Array.from({ length: 101 }, (_, k) => `CHUNK-${k}`);
		const { items, error } = await run(
			{
				resource: 'transaction',
				operation: 'createBatch',
				transactionId: '={{ $json.id }}',
				memberRelationReference: 'MEM0016',
				amount: 100,
				transactionDate: '2026-05-11',
				productCode: 'CARD',
				transactionType: 'DR',
				waitForOutcome: false,
			},
			{ items: ids.map((id) => ({ id })) },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(101);
		const batches = received((r) => r.path.endsWith('InsertTransactionDataV2')).map((r) =>
			batchOf(r).map((t) => t.transaction_id),
		);
		expect(batches.map((b) => b.length).sort((a, b) => b - a)).toEqual([100, 1]);
		expect(batches.flat().sort()).toEqual([...ids].sort());
	});

	test('Update: an unknown internal ID is E202, a cancelled member E204, each failing its item with the code', async () => {
		const { run } = setup();
		const update = (memberId: number) =>
			run({
				resource: 'member',
				operation: 'update',
				findBy: 'id',
				memberId,
				updateFields: { full_name: 'Nobody' },
			});
		const unknown = await update(999_999);
		expect(unknown.error?.message).toMatch(/ErrorCode E202/);
		const cancelled = seeded('MEM0017');
		cancelled.Status = 4;
		try {
			const refused = await update(cancelled.Id);
			expect(refused.error?.message).toMatch(/ErrorCode E204/);
			expect(cancelled.FullName).not.toBe('Nobody');
		} finally {
			cancelled.Status = 1;
		}
	});

	test('a reversal with another MerchantName than the redemption is refused; the points stay spent', async () => {
		const { run } = setup();
		const spent = await run({
			resource: 'points',
			operation: 'redeem',
			relationReference: 'MEM0018',
			points: 10,
			amount: 10,
			merchantName: 'Amazon',
			loyaltyTxnType: 30,
		});
		expect(spent.error).toBeUndefined();
		const after = sim().pointsOf('MEM0018');
		const wrong = await run({
			resource: 'points',
			operation: 'reverse',
			relationReference: 'MEM0018',
			externalReference: json(spent.items)[0].externalReference as string,
			merchantName: 'Flipkart',
		});
		expect(wrong.error?.message).toMatch(/^Loyalife answered HTTP 400 \(item 0\)/);
		expect(`${wrong.error?.message} ${wrong.error?.description}`).toMatch(/MerchantName/);
		expect(sim().pointsOf('MEM0018')).toBe(after);
	});

	test('Get Profile and Get by Attribute send their query values URL-encoded (%40, %2B)', async () => {
		const { run } = setup();
		await run({
			resource: 'member',
			operation: 'getProfile',
			relationReference: 'jane+x@example.com',
		});
		await run({
			resource: 'member',
			operation: 'get',
			attributeName: 'mobile_number',
			attributeValue: '+919876500002',
		});
		const raw = box.sim.stats.log
			.filter((r) => r.provider === 'loyalife' && !r.path.endsWith(TOKEN_ROUTE))
			.map((r) => (r as LoggedWithQuery).rawQuery);
		expect(raw[0]).toContain('RelationReference=jane%2Bx%40example.com');
		expect(raw[1]).toContain('pstrAttributeValue=%2B919876500002');
	});
});
