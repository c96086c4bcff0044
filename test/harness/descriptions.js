'use strict';
// Reading the nodes' own descriptions, for test matrices generated from them (bad input, path IDs).
const path = require('node:path');
const { Engine } = require('./engine');
const { demoCredentials } = require('../../sandbox/demo-credentials');

const ROOT = path.resolve(__dirname, '../..');

/** The action nodes, with the credential their matrix cases run with. */
const NODES = [
	{ file: 'Cardlytics/Cardlytics', credential: 'cardlyticsOAuth2Api' },
	{
		file: 'LoyaltyLion/LoyaltyLion',
		credential: 'loyaltyLionApi',
		base: { authentication: 'apiToken' },
	},
	{ file: 'Loyalife/Loyalife', credential: 'loyalifeApi' },
	{ file: 'Loyalistic/Loyalistic', credential: 'loyalisticOAuth2Api' },
	{ file: 'Frederick/Frederick', credential: 'frederickApi' },
];

/** A node's description, as n8n loads it from dist/. */
function descriptionOf(spec) {
	return new (Object.values(require(path.join(ROOT, 'dist', 'nodes', `${spec.file}.node.js`)))[0])()
		.description;
}

/** Runs one matrix case on a fresh engine with the demo credential, over two items or one. */
async function runAction(sim, c, items = [{ x: 1 }]) {
	const engine = new Engine();
	const credential = demoCredentials(sim.baseUrl).find((x) => x.type === c.spec.credential);
	const credentials = engine.addCredential(
		credential.id,
		credential.type,
		credential.data,
		credential.name,
	);
	return await engine.runNode({
		type: c.description.name,
		credentials,
		parameters: c.parameters,
		items,
	});
}

/** A valid value for a field, by its name and type, so that only the field under test is wrong. */
function validValue(field) {
	const n = field.name.toLowerCase();
	if (field.type === 'dateTime')
		return n.includes('to') && !n.includes('date') ? '2026-01-31' : '2026-01-01';
	if (field.type === 'number') return 5;
	if (n.includes('email')) return 'someone@example.com';
	if (n.includes('categorycode')) return '5814';
	if (n.includes('url')) return 'https://example.com/logo.png';
	if (['total', 'totalrefunded', 'totalpaid', 'totalshipping'].includes(n)) return '10.00';
	if (
		['contactid', 'companyid', 'listid', 'rewardid', 'claimedrewardid', 'siteid'].includes(n) ||
		n === 'contactids'
	)
		return '12';
	return 'value-1';
}

/** Field types a matrix fills in: text, numbers, dates, and resource locators (filled By ID). */
const FILLABLE = ['string', 'number', 'dateTime', 'resourceLocator'];

/** A value (or expression) as the field takes it: a resource locator gets it as its By ID value. */
function asParameter(field, value) {
	return field.type === 'resourceLocator' ? { __rl: true, mode: 'id', value } : value;
}

function operationsOf(description) {
	const resources = description.properties
		.find((p) => p.name === 'resource')
		.options.map((o) => o.value);
	const out = [];
	for (const resource of resources) {
		const operationProperty = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		);
		for (const { value: operation } of operationProperty.options) {
			const fields = description.properties.filter(
				(p) =>
					p.displayOptions?.show?.resource?.includes(resource) &&
					p.displayOptions?.show?.operation?.includes(operation) &&
					!p.displayOptions?.show?.returnAll,
			);
			out.push({ resource, operation, fields });
		}
	}
	return out;
}

module.exports = {
	validValue,
	operationsOf,
	NODES,
	descriptionOf,
	runAction,
	FILLABLE,
	asParameter,
};
