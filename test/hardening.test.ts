/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test that runs a stand-in foreign host on node:http, never loaded by n8n */
// Input never steers the request: an ID of ".", ".." or 100 KB never reaches the
// provider, whichever operation and provider; a URL a provider names on another host never receives the
// credential. Generated from the nodes' own descriptions, like the bad-input matrix, so no ID field is missed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type * as PathModule from '../nodes/shared/http/path';
import { Engine, useSandbox, allText, type RunNodeOptions } from './harness';
import {
	operationsOf,
	NODES as ALL_NODES,
	descriptionOf,
	runAction,
	asParameter,
	requiredParameters,
	type MatrixCase,
} from './harness/descriptions';
import { requireFromRoot } from './harness/root';
import { demoCredentials } from './harness/sandbox';

const box = useSandbox({ frederick: { asyncThreshold: 5, jobPolls: 2 } });
const { buildPath, followOnOrigin, joinOnOrigin } = requireFromRoot<typeof PathModule>(
	'dist/nodes/shared/http/path.js',
);

const frederickControl = () => box.sim.instances.frederick.control;

const NODES = ALL_NODES.filter((n) => n.credential !== 'loyalifeApi'); // Loyalife has no ID in any path
/** Fields whose value goes into a request path (every such field in the four nodes that have path IDs). */
const PATH_ID_FIELDS = new Set([
	'merchantId',
	'offerId',
	'orderId',
	'claimedRewardId',
	'activityName',
	'activityMerchantId',
	'siteId',
	'locationId',
	'contactId',
	'companyId',
	'listId',
]);

interface PathIdCase extends MatrixCase {
	field: string;
	label: string;
}

const cases: PathIdCase[] = [];
for (const spec of NODES) {
	const description = descriptionOf(spec);
	for (const { resource, operation, fields } of operationsOf(description)) {
		const valid: INodeParameters = { ...(spec.base ?? {}), resource, operation };
		Object.assign(valid, requiredParameters(fields));
		for (const f of fields.filter((x) => PATH_ID_FIELDS.has(x.name) && x.required)) {
			for (const bad of ['..', '.', ' .. ', 'x'.repeat(100_000)]) {
				cases.push({
					spec,
					description,
					field: f.displayName,
					label: `${description.displayName} ${resource} → ${operation}: "${f.displayName}" = ${bad.length > 10 ? `${bad.length} characters` : JSON.stringify(bad)}`,
					parameters: { ...valid, [f.name]: asParameter(f, `={{ ${JSON.stringify(bad)} }}`) },
				});
			}
		}
	}
}

describe('an ID never changes where a request goes', () => {
	test('the matrix covers every operation with an ID in its path, on all four providers that have them', () => {
		const providers = new Set(cases.map((c) => c.description.displayName));
		expect([...providers].sort()).toEqual(['Cardlytics', 'Frederick', 'Loyalistic', 'LoyaltyLion']);
		expect(cases.length).toBeGreaterThanOrEqual(4 * 20);
	});

	test.each(cases.map((c): [string, PathIdCase] => [c.label, c]))(
		'%s: refused before sending, naming the field and item',
		async (_label, c) => {
			const { error } = await runAction(box.sim, c);
			expect(error).toBeDefined();
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toContain(c.field);
			expect(error?.message).toMatch(/\(item 0\)$/);
			expect(error?.message.length).toBeLessThan(300);
			const apiCalls = box.sim.stats.log.filter((r) => !/token|oauth|Auth\/Token/i.test(r.route));
			expect(apiCalls).toHaveLength(0);
		},
	);

	test('the shared path builder refuses what the URL parser would resolve, and encodes the rest as one segment', () => {
		for (const bad of ['', ' ', '.', '..', 'x'.repeat(257), {}, [], null, undefined, NaN]) {
			// Values of every kind, not only the strings and numbers its type allows.
			expect(() => buildPath('/orders/{merchant_id}', { merchant_id: bad as string })).toThrow(
				/merchant_id/,
			);
		}
		expect(buildPath('/a/{id}/b', { id: '../x' })).toBe('/a/..%2Fx/b');
		expect(buildPath('/a/{id}/b', { id: '%2e%2e' })).toBe('/a/%252e%252e/b');
		expect(buildPath('/a/{id}/b', { id: 'a?b#c' })).toBe('/a/a%3Fb%23c/b');
		expect(buildPath('/a/{id}', { id: 42 })).toBe('/a/42');
		for (const p of ['/a/..%2Fx/b', '/a/%252e%252e/b'])
			expect(new URL(`https://h.example${p}`).pathname).toBe(p);
	});

	test('follow-up URLs are accepted only on the credential origin', () => {
		expect(
			followOnOrigin('https://api.hirefrederick.com', 'https://api.hirefrederick.com/v2/x?page=2')
				.url,
		).toBe('https://api.hirefrederick.com/v2/x?page=2');
		expect(followOnOrigin('http://127.0.0.1:9/frederick', '/frederick/v2/x').url).toBe(
			'http://127.0.0.1:9/frederick/v2/x',
		);
		for (const foreign of [
			'https://evil.example/v2/x',
			'//evil.example/x',
			'http://api.hirefrederick.com/x',
			'https://api.hirefrederick.com.evil.example/x',
			'https://api.hirefrederick.com:8443/x',
		]) {
			const check = followOnOrigin('https://api.hirefrederick.com', foreign);
			expect(check.url).toBeUndefined();
			expect(check.foundOrigin).not.toBe('https://api.hirefrederick.com');
		}
		expect(joinOnOrigin('https://api.hirefrederick.com', '@evil.example/token')).toMatchObject({
			url: undefined,
			foundOrigin: 'https://evil.example',
		});
		expect(joinOnOrigin('https://api.hirefrederick.com', '/oauth/token').url).toBe(
			'https://api.hirefrederick.com/oauth/token',
		);
	});
});

describe('Frederick never sends the API key or token to a host its answers name', () => {
	let attacker: http.Server;
	let received: Array<{
		method: string | undefined;
		url: string | undefined;
		headers: http.IncomingHttpHeaders;
	}>;
	const attackerPort = () => (attacker.address() as AddressInfo).port;
	beforeAll(async () => {
		attacker = http.createServer((req, res) => {
			received.push({ method: req.method, url: req.url, headers: req.headers });
			res.writeHead(200, { 'Content-Type': 'application/vnd.api+json' });
			res.end(JSON.stringify({ data: [], links: {} }));
		});
		await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
	});
	afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));
	beforeEach(() => {
		received = [];
	});
	afterEach(() => frederickControl().setLinkOrigin({}));

	function setup() {
		const engine = new Engine();
		const credential = demoCredentials(box.sim.baseUrl).find((x) => x.type === 'frederickApi');
		if (!credential) throw new Error('no frederickApi demo credential');
		const credentials = engine.addCredential(
			credential.id,
			credential.type,
			credential.data as IDataObject,
			credential.name,
		);
		return (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
			engine.runNode({ type: 'frederick', credentials, parameters, ...options });
	}

	test('links.next on another host: the list stops with an error naming that host, nothing is sent there', async () => {
		const origin = `http://localhost:${attackerPort()}`;
		frederickControl().setLinkOrigin({ origin });
		const { error, items } = await setup()({
			resource: 'contact',
			operation: 'getMany',
			locationId: 'loc_1',
			returnAll: true,
		});
		expect(items ?? []).toHaveLength(0);
		expect(error?.message).toBe(
			`Frederick named a follow-up address on another host (${origin}); not followed (item 0)`,
		);
		expect(received).toHaveLength(0);
		expect(allText(error)).not.toContain('fred-demo-api-key');
	});

	test('a background job whose links.self names another host is not polled there', async () => {
		const origin = `http://127.0.0.2:${attackerPort()}`;
		frederickControl().setLinkOrigin({ origin });
		const items = Array.from({ length: 8 }, (_, i) => ({
			external_id: `svc-o${i}`,
			name: `S${i}`,
			duration: 30,
		}));
		const { error } = await setup()(
			{
				resource: 'sync',
				operation: 'batchSync',
				locationId: 'loc_1',
				kind: 'services',
				externalId: '={{ $json.external_id }}',
				attributes: '={{ JSON.stringify($json) }}',
				options: { pollInterval: 0.1, timeout: 5 },
			},
			{ items },
		);
		expect(error?.message).toMatch(/another host \(http:\/\/127\.0\.0\.2:\d+\); not followed/);
		expect(received).toHaveLength(0);
	});

	test("a complete job's 303 to another host is not followed: n8n is not left to follow redirects", async () => {
		const origin = `http://localhost:${attackerPort()}`;
		frederickControl().setJobs({ redirectOrigin: origin });
		try {
			const items = Array.from({ length: 8 }, (_, i) => ({
				external_id: `svc-r${i}`,
				name: `S${i}`,
				duration: 30,
			}));
			const { error } = await setup()(
				{
					resource: 'sync',
					operation: 'batchSync',
					locationId: 'loc_1',
					kind: 'services',
					externalId: '={{ $json.external_id }}',
					attributes: '={{ JSON.stringify($json) }}',
					options: { pollInterval: 0.1, timeout: 5 },
				},
				{ items },
			);
			expect(error?.message).toBe(
				`Frederick named a follow-up address on another host (${origin}); not followed (item 0)`,
			);
			expect(received).toHaveLength(0);
			expect(allText(error)).not.toContain('fred-demo-api-key');
		} finally {
			frederickControl().resetJobs();
		}
	});
});
