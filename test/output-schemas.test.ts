/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a test that reads and writes the schema files, never loaded by n8n */
// Output schemas (nodes/<Provider>/__schema__/v1.0.0/<resource>/<operation>.json, as n8n's built-in nodes ship
// them): n8n serves them to the editor, so a user can map a node's fields before it has run, and to AI agents
// using the node as a tool. Each schema is derived from what the operation really outputs against the
// simulator, and this test fails when an output no longer matches its schema (a field added, removed or of
// another type). `UPDATE_SCHEMAS=1 npx jest test/output-schemas.test.ts` rewrites them from the outputs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { Engine, useSandbox, type NodeResult } from './harness';
import { NODES, descriptionOf, operationsOf } from './harness/descriptions';
import { must } from './harness/must';
import { demoCredentials } from './harness/sandbox';
import { CASES as WIRE } from './wire-cases';

/** Runs the case's node with these parameters, over these items (else the engine's one empty item). */
type Run = (parameters: INodeParameters, items?: IDataObject[]) => Promise<NodeResult>;

/** Simulator options by provider, e.g. { loyalife: { batchSnapshot: 'A' } }. */
type SimulatorOptions = Record<string, Record<string, unknown>>;

/** One more run of a case, whose output joins the schema: other simulator options, parameters or items. */
interface Variant {
	simulator?: SimulatorOptions;
	parameters?: INodeParameters;
	items?: IDataObject[];
}

/** An operation run against the simulator; its outputs make its schema. */
interface SchemaCase {
	node: string;
	credential: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	/** runs first (e.g. creates the record the operation needs); answers parameters to add */
	prepare?: (run: Run) => Promise<INodeParameters>;
	also?: Variant[];
}

/** A JSON schema as n8n's built-in __schema__ files have it. */
interface JsonSchema {
	type: string;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

/** A seeded Loyalife member's password hash: MD5 hex of "Passw0rd!<n>", as the simulator's program takes it. */
const loyalifeHash = (n: number) => crypto.createHash('md5').update(`Passw0rd!${n}`).digest('hex');

const ROOT = path.resolve(__dirname, '..');
const box = useSandbox();

/** Operations the wire cases leave to their own tests: parameters that run them against the simulator. */
const EXTRA: SchemaCase[] = [
	{
		node: 'cardlytics',
		credential: 'cardlyticsOAuth2Api',
		parameters: {
			resource: 'redemption',
			operation: 'download',
			date: '2026-01-15',
			binaryPropertyName: 'file',
		},
	},
	{
		node: 'loyaltyLion',
		credential: 'loyaltyLionApi',
		parameters: {
			authentication: 'apiToken',
			resource: 'customer',
			operation: 'update',
			merchantId: 'cust-3',
			updateFields: { blocked: false },
		},
	},
	{
		node: 'loyaltyLion',
		credential: 'loyaltyLionApi',
		parameters: {
			authentication: 'apiToken',
			resource: 'order',
			operation: 'create',
			orderId: 'schema-1',
			customerId: 'cust-3',
			customerEmail: 'shopper3@example.com',
			total: '49.90',
			totalShipping: '4.90',
			paymentStatus: 'paid',
		},
	},
	{
		node: 'loyaltyLion',
		credential: 'loyaltyLionApi',
		parameters: {
			authentication: 'apiToken',
			resource: 'order',
			operation: 'update',
			orderId: 'schema-1',
			total: '49.90',
			totalShipping: '4.90',
			paymentStatus: 'paid',
			refundStatus: 'not_refunded',
			cancellationStatus: 'not_cancelled',
			totalPaid: '49.90',
			totalRefunded: '0',
		},
	},
	{
		node: 'loyaltyLion',
		credential: 'loyaltyLionApi',
		parameters: {
			authentication: 'apiToken',
			resource: 'order',
			operation: 'refund',
			orderId: 'schema-1',
			totalRefunded: '10.00',
		},
	},
	{
		node: 'loyaltyLion',
		credential: 'loyaltyLionApi',
		parameters: {
			authentication: 'apiToken',
			resource: 'order',
			operation: 'cancel',
			orderId: 'schema-1',
		},
	},
	{
		node: 'loyaltyLion',
		credential: 'loyaltyLionApi',
		parameters: {
			authentication: 'apiToken',
			resource: 'transaction',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
		},
	},
	{
		node: 'loyaltyLion',
		credential: 'loyaltyLionApi',
		parameters: {
			authentication: 'apiToken',
			resource: 'reward',
			operation: 'refund',
			merchantId: 'cust-1',
		},
		// A reward claimed first: the refund needs its claimed reward ID.
		prepare: async (run) => ({
			claimedRewardId: String(
				(
					await run({
						authentication: 'apiToken',
						resource: 'reward',
						operation: 'claim',
						merchantId: 'cust-1',
						rewardId: 103,
					})
				).items[0].json.id,
			),
		}),
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: {
			resource: 'member',
			operation: 'create',
			relationReference: 'SCHEMA-M1',
			fullName: 'Schema One',
			email: 'schema-m1@example.com',
			mobileNumber: '+919876599101',
			status: '5',
			additionalFields: { gender: 'F', dob: '1990-06-15', address: '123 Main Street, Mumbai' },
		},
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: {
			resource: 'member',
			operation: 'update',
			findBy: 'id',
			memberId: 13,
			updateFields: {
				full_name: 'Schema Thirteen',
				email_id: 'schema-m13@example.com',
				mobile_number: '+919876599113',
				status: '1',
				gender: 'M',
				dob: '1985-02-03',
				address: '13 Main Street, Mumbai',
			},
		},
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: { resource: 'member', operation: 'getProfile', relationReference: 'MEM0014' },
		// A login first: LastLoggedIn is null until the member has logged in once.
		prepare: async (run) => {
			await run({
				resource: 'member',
				operation: 'checkCredentials',
				relationReference: 'MEM0014',
				password: loyalifeHash(14),
			});
			return {};
		},
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		// The right hash twice (the second answer has the previous login's LastLoggedIn), then a wrong one.
		parameters: {
			resource: 'member',
			operation: 'checkCredentials',
			relationReference: 'MEM0012',
			password: loyalifeHash(12),
		},
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a wrong hash the simulator refuses, not a secret
		also: [{}, { parameters: { password: '0123456789abcdef0123456789abcdef' } }],
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: {
			resource: 'transaction',
			operation: 'create',
			subProductCode: 'GOLD',
			transactionId: 'schema-tx-1',
			memberRelationReference: 'MEM0001',
			amount: 120,
			transactionDate: '2026-11-01',
			productCode: 'CARD',
			transactionType: 'DR',
		},
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: {
			resource: 'transaction',
			operation: 'createBatch',
			subProductCode: 'GOLD',
			transactionId: '={{ $json.id }}',
			memberRelationReference: 'MEM0001',
			amount: 120,
			transactionDate: '2026-11-01',
			productCode: 'CARD',
			transactionType: 'DR',
		},
		items: [{ id: 'schema-tx-2' }],
		// The fields only other answers bring: snapshot A's batch summary (two items, no request IDs), and the
		// hint of a batch still pending when the wait ends.
		also: [
			{
				simulator: { loyalife: { batchSnapshot: 'A' } },
				items: [{ id: 'schema-tx-4' }, { id: 'schema-tx-5' }],
			},
			{
				simulator: { loyalife: { batchPendingPolls: 1000 } },
				parameters: { maxWaitSeconds: 1 },
				items: [{ id: 'schema-tx-6' }],
			},
		],
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: {
			resource: 'points',
			operation: 'redeem',
			relationReference: 'MEM0011',
			points: 5,
			amount: 10,
			merchantName: 'Schema',
			loyaltyTxnType: 30,
			checkBalance: true,
		},
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: {
			resource: 'points',
			operation: 'reverse',
			relationReference: 'MEM0010',
			merchantName: 'Schema',
		},
		// A redemption first: the reversal needs its external reference.
		prepare: async (run) => ({
			externalReference: (
				await run({
					resource: 'points',
					operation: 'redeem',
					relationReference: 'MEM0010',
					points: 5,
					amount: 10,
					merchantName: 'Schema',
				})
			).items[0].json.externalReference as string,
		}),
	},
	{
		node: 'loyalife',
		credential: 'loyalifeApi',
		parameters: { resource: 'transaction', operation: 'getBatchStatus' },
		// A batch first: its status is read by the batch ID Loyalife gave it. One transaction the simulator
		// awards, one with a product code it does not know (FAILED, with its error).
		prepare: async (run) => ({
			batchId: (
				await run(
					{
						resource: 'transaction',
						operation: 'createBatch',
						transactionId: '={{ $json.id }}',
						memberRelationReference: 'MEM0002',
						amount: 90,
						transactionDate: '2026-11-01',
						productCode: '={{ $json.product }}',
						transactionType: 'DR',
						waitForOutcome: false,
					},
					[
						{ id: 'schema-tx-3', product: 'CARD' },
						{ id: 'schema-tx-7', product: 'NO-SUCH-PRODUCT' },
					],
				)
			).items[0].json.batch_id as string,
		}),
		// Read while pending, then once settled (results with points, and the FAILED one's error).
		also: [{ simulator: { loyalife: { batchPendingPolls: 0 } } }],
	},
	{
		node: 'frederick',
		credential: 'frederickApi',
		parameters: {
			resource: 'sync',
			operation: 'batchSync',
			locationId: 'loc_1',
			kind: 'services',
			externalId: 'svc-schema',
			attributes: '{"name": "Cut"}',
			options: { pollInterval: 0.1, timeout: 5 },
		},
	},
];

/**
 * Two schemas of one field as one: a type over null (a field that may be null has its non-null type), and
 * the union of objects' properties and of arrays' items, at every depth.
 */
function mergeSchemas(a: JsonSchema | undefined, b: JsonSchema): JsonSchema;
function mergeSchemas(a: JsonSchema | undefined, b: JsonSchema | undefined): JsonSchema | undefined;
function mergeSchemas(
	a: JsonSchema | undefined,
	b: JsonSchema | undefined,
): JsonSchema | undefined {
	if (!a || a.type === 'null') return b;
	if (!b || b.type === 'null' || a.type !== b.type) return a;
	if (a.type === 'object') {
		const properties: Record<string, JsonSchema> = { ...a.properties };
		for (const [key, value] of Object.entries(
			must(b.properties, 'the properties of an object schema'),
		))
			properties[key] = mergeSchemas(properties[key], value);
		return {
			type: 'object',
			properties: Object.fromEntries(
				Object.entries(properties).sort(([x], [y]) => (x < y ? -1 : 1)),
			),
		};
	}
	if (a.type === 'array' && (a.items || b.items))
		return { type: 'array', items: mergeSchemas(a.items, b.items) };
	return a;
}

/** A JSON schema of one value, in the shape n8n's built-in __schema__ files have. */
function schemaOf(value: unknown): JsonSchema {
	if (value === null || value === undefined) return { type: 'null' };
	if (Array.isArray(value))
		return value.length
			? {
					type: 'array',
					items: value.map(schemaOf).reduce((a: JsonSchema, b: JsonSchema) => mergeSchemas(a, b)),
				}
			: { type: 'array' };
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const properties: Record<string, JsonSchema> = {};
		for (const key of Object.keys(record).sort()) properties[key] = schemaOf(record[key]);
		return { type: 'object', properties };
	}
	return { type: typeof value === 'bigint' ? 'number' : typeof value };
}

/** The schema of an operation's output items: the union of the items' fields. */
function itemsSchema(items: INodeExecutionData[]): JsonSchema | undefined {
	return items
		.map((item) => schemaOf(item.json))
		.reduce<JsonSchema | undefined>((a, b) => mergeSchemas(a, b), undefined);
}

/** A case's resource and operation, as its parameters name them. */
const resourceOf = (c: SchemaCase) => String(c.parameters.resource);
const operationOf = (c: SchemaCase) => String(c.parameters.operation);

const folderOf = (nodeName: string) =>
	must(
		NODES.find((spec) => descriptionOf(spec).name === nodeName),
		`the action node ${nodeName}`,
	).file.split('/')[0];
const fileOf = (c: SchemaCase) =>
	path.join(
		ROOT,
		'nodes',
		folderOf(c.node),
		'__schema__',
		'v1.0.0',
		resourceOf(c),
		`${operationOf(c)}.json`,
	);

// An extra case replaces the wire case of its operation: a wire case may name data the simulator does not hold
// (a redemption to reverse), and both would write one schema file.
const keyOf = (c: SchemaCase) => `${c.node}/${resourceOf(c)}/${operationOf(c)}`;
const EXTRA_KEYS = new Set(EXTRA.map(keyOf));
// A wire case that pins a token request or a trigger's poll checks no action output.
const CASES: SchemaCase[] = [
	...WIRE.filter((c) => !EXTRA_KEYS.has(keyOf(c)) && !c.request && !c.poll).map((c) => ({
		node: c.node,
		credential: c.credential,
		parameters: c.parameters,
	})),
	...EXTRA,
];

/** Sets simulator options per provider ({ loyalife: { batchSnapshot: 'A' } }); answers the values it replaced. */
function withSimulatorOptions(byProvider: SimulatorOptions = {}): SimulatorOptions {
	const saved: SimulatorOptions = {};
	for (const [provider, values] of Object.entries(byProvider)) {
		const options = (
			box.sim.instances[provider as keyof typeof box.sim.instances].state as unknown as {
				options: Record<string, unknown>;
			}
		).options;
		saved[provider] = Object.fromEntries(Object.keys(values).map((k) => [k, options[k]]));
		Object.assign(options, values);
	}
	return saved;
}

// Rewards need points: the simulator's first customer gets enough for every reward case.
beforeEach(() => {
	const customers = (
		box.sim.instances.loyaltylion as {
			state: { byMerchantId: Map<string, { points_approved: number }> };
		}
	).state.byMerchantId;
	must(customers.get('cust-1'), 'the simulator customer cust-1').points_approved = 100_000;
});

test('every operation of every action node has a case, hence a schema', () => {
	const covered = new Set(CASES.map((c) => `${c.node}/${resourceOf(c)}/${operationOf(c)}`));
	for (const spec of NODES) {
		const description = descriptionOf(spec);
		for (const { resource, operation } of operationsOf(description))
			expect([...covered]).toContain(`${description.name}/${resource}/${operation}`);
	}
});

test.each(
	CASES.map((c): [string, SchemaCase] => [`${c.node} ${resourceOf(c)} → ${operationOf(c)}`, c]),
)('%s: its output matches its schema', async (_label, c) => {
	const engine = new Engine();
	const credential = must(
		demoCredentials(box.sim.baseUrl).find((x) => x.type === c.credential),
		`the demo credential of type ${c.credential}`,
	);
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data as IDataObject,
		credential.name,
	);
	const run: Run = (parameters, items) =>
		engine.runNode({ type: c.node, credentials, parameters, ...(items ? { items } : {}) });
	const parameters = { ...c.parameters, ...(c.prepare ? await c.prepare(run) : {}) };
	const outputs: INodeExecutionData[] = [];
	for (const variant of [{ items: c.items }, ...(c.also ?? [])]) {
		const saved = withSimulatorOptions(variant.simulator);
		try {
			const { items, error } = await run({ ...parameters, ...variant.parameters }, variant.items);
			expect(error).toBeUndefined();
			expect(items.length).toBeGreaterThan(0);
			outputs.push(...items);
		} finally {
			withSimulatorOptions(saved);
		}
	}
	const derived = itemsSchema(outputs);
	const file = fileOf(c);
	if (process.env.UPDATE_SCHEMAS) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, JSON.stringify(derived, null, '\t') + '\n');
	}
	expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(derived);
});
