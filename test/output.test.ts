// The Output option (Simplified, Raw, Selected Fields) on operations that return records, in the node version
// that carries it, and the Simplify switch in the versions saved with it: a saved workflow keeps its output.
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { Engine, useSandbox } from './harness';
import { NODES, descriptionOf } from './harness/descriptions';
import { must } from './harness/must';

const box = useSandbox({ loyalistic: { contacts: 20 }, loyaltylion: { customers: 20 } });

function loyaltyLion() {
	const engine = new Engine();
	const credentials = engine.addCredential('ll-out', 'loyaltyLionApi', {
		token: 'll-demo-token',
		secret: 'll-demo-site-secret',
		apiBaseUrl: `${box.sim.baseUrl('loyaltylion')}/v2`,
	});
	return (typeVersion: number, parameters: INodeParameters) =>
		engine.runNode({
			type: 'loyaltyLion',
			credentials,
			typeVersion,
			parameters: { authentication: 'apiToken', ...parameters },
		});
}

function loyalistic() {
	const engine = new Engine();
	const credentials = engine.addCredential('lyl-out', 'loyalisticOAuth2Api', {
		apiBaseUrl: `${box.sim.baseUrl('loyalistic')}/v1`,
		accessTokenUrl: `${box.sim.baseUrl('loyalistic')}/token`,
		clientId: 'loyalistic-demo-client',
		clientSecret: 'loyalistic-demo-secret',
	});
	return (typeVersion: number, parameters: INodeParameters) =>
		engine.runNode({ type: 'loyalistic', credentials, typeVersion, parameters });
}

/** The show conditions of a property (the test reads them; a property without them fails it). */
const shows = (p: INodeProperties) =>
	must(p.displayOptions?.show, `displayOptions.show of ${p.name}`);
/** The node versions a property is shown in. */
const shownIn = (p: INodeProperties) =>
	must(shows(p)['@version'], `displayOptions.show['@version'] of ${p.name}`) as number[];

const SIMPLE_CUSTOMER = [
	'id',
	'merchant_id',
	'email',
	'points_approved',
	'points_pending',
	'points_spent',
	'tier',
	'blocked',
	'enrolled',
	'updated_at',
];

describe('LoyaltyLion customers', () => {
	const get = { resource: 'customer', operation: 'get', merchantId: 'cust-3' };

	test('1.2: Simplified by default, Raw whole, Selected Fields only those listed (a dotted path too)', async () => {
		const run = loyaltyLion();
		const simple = await run(1.2, get);
		expect(simple.error).toBeUndefined();
		expect(Object.keys(simple.items[0].json).sort()).toEqual([...SIMPLE_CUSTOMER].sort());
		const raw = await run(1.2, { ...get, output: 'raw' });
		expect(Object.keys(raw.items[0].json).length).toBeGreaterThan(SIMPLE_CUSTOMER.length);
		expect(raw.items[0].json.loyalty_tier_membership).toBeDefined();
		const selected = await run(1.2, {
			...get,
			output: 'selected',
			outputFields: ' email , loyalty_tier_membership.loyalty_tier.name,no_such_field',
		});
		expect(selected.items[0].json).toEqual({
			email: raw.items[0].json.email,
			'loyalty_tier_membership.loyalty_tier.name': (
				raw.items[0].json.loyalty_tier_membership as { loyalty_tier: { name: unknown } }
			).loyalty_tier.name,
		});
		// An operation of the same version and a simplify left in the parameters: Output alone decides.
		expect(Object.keys((await run(1.2, { ...get, simplify: false })).items[0].json).sort()).toEqual(
			[...SIMPLE_CUSTOMER].sort(),
		);
	});

	test('1.2: Selected Fields with no field named is an error naming the field and the item, nothing sent', async () => {
		const run = loyaltyLion();
		const { error } = await run(1.2, { ...get, output: 'selected', outputFields: ' , ' });
		expect(error?.message).toBe('Fields is required when Output is Selected Fields (item 0)');
	});

	test('1 and 1.1 keep Simplify: on by default, off gives the raw customer; Output is not read', async () => {
		const run = loyaltyLion();
		for (const version of [1, 1.1]) {
			const simple = await run(version, { ...get, output: 'raw' });
			expect(Object.keys(simple.items[0].json).sort()).toEqual([...SIMPLE_CUSTOMER].sort());
			const raw = await run(version, { ...get, simplify: false });
			expect(raw.items[0].json.loyalty_tier_membership).toBeDefined();
		}
	});

	test('Customer → Update: whole in 1.1 as saved, Simplified from 1.2, Raw on request', async () => {
		const run = loyaltyLion();
		const update = {
			resource: 'customer',
			operation: 'update',
			merchantId: 'cust-4',
			updateFields: { blocked: false },
		};
		const old = await run(1.1, update);
		expect(old.error).toBeUndefined();
		expect(Object.keys(old.items[0].json).length).toBeGreaterThan(SIMPLE_CUSTOMER.length);
		const simple = await run(1.2, update);
		expect(Object.keys(simple.items[0].json).sort()).toEqual([...SIMPLE_CUSTOMER].sort());
		const raw = await run(1.2, { ...update, output: 'raw' });
		expect(Object.keys(raw.items[0].json).sort()).toEqual(Object.keys(old.items[0].json).sort());
	});
});

describe('Loyalistic contacts', () => {
	const SIMPLE_CONTACT = [
		'id',
		'email',
		'firstName',
		'lastName',
		'phone',
		'title',
		'companyId',
		'score',
		'updatedAt',
	];
	const update = {
		resource: 'contact',
		operation: 'update',
		contactId: '5',
		updateFields: { title: 'Buyer' },
	};

	test('Contact → Update: whole in 1 as saved, Simplified from 1.1, Selected Fields on request', async () => {
		const run = loyalistic();
		const old = await run(1, update);
		expect(old.error).toBeUndefined();
		expect(Object.keys(old.items[0].json).length).toBeGreaterThan(10);
		const simple = await run(1.1, update);
		expect(Object.keys(simple.items[0].json).every((k) => SIMPLE_CONTACT.includes(k))).toBe(true);
		expect(simple.items[0].json).toMatchObject({ id: old.items[0].json.id, title: 'Buyer' });
		const selected = await run(1.1, { ...update, output: 'selected', outputFields: 'title' });
		expect(selected.items[0].json).toEqual({ title: 'Buyer' });
	});

	test('Contact → Get in 1 keeps Simplify; in 1.1 Output', async () => {
		const run = loyalistic();
		const get = { resource: 'contact', operation: 'get', contactId: '6' };
		const raw = await run(1, { ...get, simplify: false });
		expect(Object.keys(raw.items[0].json).length).toBeGreaterThan(10);
		expect((await run(1.1, { ...get, output: 'raw' })).items[0].json).toEqual(raw.items[0].json);
		expect(
			Object.keys((await run(1, get)).items[0].json).every((k) => SIMPLE_CONTACT.includes(k)),
		).toBe(true);
	});
});

test('every Simplify of an action node is shown only in versions before the Output option, and Output only from it', () => {
	let outputs = 0;
	for (const spec of NODES) {
		const description = descriptionOf(spec);
		const versions = [description.version].flat();
		for (const p of description.properties) {
			if (p.name !== 'output' && p.name !== 'outputFields') continue;
			outputs++;
			const shown = shownIn(p);
			expect(shown.length).toBeGreaterThan(0);
			const same = description.properties.find(
				(q) =>
					q.name === 'simplify' &&
					String(shows(q).operation) === String(shows(p).operation) &&
					String(shows(q).resource) === String(shows(p).resource),
			);
			if (same) expect(shownIn(same).filter((v) => shown.includes(v))).toEqual([]);
			expect(shown.every((v) => versions.includes(v))).toBe(true);
			expect(shown).toContain(description.defaultVersion ?? Math.max(...versions));
		}
	}
	expect(outputs).toBeGreaterThanOrEqual(14);
});
