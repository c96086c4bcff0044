// LoyaltyLion API keys (developers.loyaltylion.com/api-reference/authentication/api-keys): Bearer pat_…, the
// default Authentication from node version 1.1, tested with GET /v2/identity/whoami.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Engine, useSandbox, type RunNodeOptions } from './harness';
import { demoCredentials } from './harness/sandbox';

const box = useSandbox();
/** The simulator's demo credentials of one type: the API keys (all scopes first), token and secret. */
const demo = <T extends IDataObject = IDataObject>(type: string): T[] =>
	demoCredentials((name) => box.sim.baseUrl(name))
		.filter((c) => c.type === type)
		.map((c) => c.data as T);
const ALL_SCOPES = [
	'read_customers',
	'write_customers',
	'read_orders',
	'write_orders',
	'read_unsubscribes',
	'write_unsubscribes',
];

function withKey(
	apiKey: string,
	{
		typeVersion = 1.1,
		parameters: base = {},
	}: { typeVersion?: number; parameters?: INodeParameters } = {},
) {
	const engine = new Engine();
	const credentials = engine.addCredential('ll-key', 'loyaltyLionApiKeyApi', {
		apiKey,
		apiBaseUrl: `${box.sim.baseUrl('loyaltylion')}/v2`,
	});
	const run = (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion,
			parameters: { ...base, ...parameters },
			...options,
		});
	return { engine, run };
}

describe('LoyaltyLion API key', () => {
	test('a node of version 1.1 uses the API key by default: Bearer on the wire, Identity → Get lists its scopes', async () => {
		const [all] = demo<{ apiKey: string }>('loyaltyLionApiKeyApi');
		const { run } = withKey(all.apiKey);
		const { items: out, error } = await run({ resource: 'identity', operation: 'whoami' });
		expect(error).toBeUndefined();
		expect(out[0].json).toMatchObject({ kind: 'api_key' });
		expect([...(out[0].json.scopes as string[])].sort()).toEqual([...ALL_SCOPES].sort());
		const call = box.sim.stats.log.find((r) => r.route === '/v2/identity/whoami');
		expect(call?.headers.authorization).toBe(`Bearer ${all.apiKey}`);
	});

	test('a key without the scope an operation needs: the error names the missing scope', async () => {
		const [, readOnly] = demo<{ apiKey: string }>('loyaltyLionApiKeyApi');
		const { run } = withKey(readOnly.apiKey);
		const { items: customers } = await run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: false,
			limit: 1,
		});
		expect(customers).toHaveLength(1);
		const { error } = await run({
			resource: 'points',
			operation: 'add',
			merchantId: { mode: 'id', value: String(customers[0].json.merchant_id) },
			points: 5,
		});
		expect(error?.message).toMatch(/HTTP 403/);
		expect(error?.message).toMatch(/write_customers/);
	});

	test('a wrong key fails with 401 and a hint to check the credential', async () => {
		const { run } = withKey('pat_not-a-key');
		const { error } = await run({ resource: 'identity', operation: 'whoami' });
		expect(error?.message).toMatch(/HTTP 401/);
	});

	test('a node saved at version 1 keeps token and secret as its default Authentication', async () => {
		const engine = new Engine();
		const credentials = engine.addCredential(
			'll-store',
			'loyaltyLionApi',
			demo('loyaltyLionApi')[0],
		);
		await engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion: 1,
			parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 1 },
		});
		const call = box.sim.stats.log.find((r) => r.route === '/v2/customers');
		expect(call?.headers.authorization).toMatch(/^Basic /);
	});
});
