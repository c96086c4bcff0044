'use strict';
// A node's listSearch method run as the n8n editor runs it (n8n 2.41, cli services/dynamic-node-parameters:
// getResourceLocatorResults): a one-node workflow of the current parameters and credentials, a
// LoadOptionsContext on it, the method called with (filter, paginationToken); a number token becomes a string.
const { LoadOptionsContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { NODE_PREFIX } = require('./engine');

async function listSearch(engine, options) {
	const { filter, token } = options;
	const result = await call(engine, 'listSearch', options, [filter, token]);
	const next = result?.paginationToken;
	return typeof next === 'number' ? { ...result, paginationToken: String(next) } : result;
}

/** A loadOptions method (a dynamic options list), run the same way: n8n calls it with no arguments. */
async function loadOptions(engine, options) {
	return await call(engine, 'loadOptions', options, []);
}

async function call(
	engine,
	kind,
	{ type, method, parameters = {}, credentials, path = 'parameters.id' },
	args,
) {
	const node = {
		parameters,
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: NODE_PREFIX + type,
		typeVersion: 1,
		position: [0, 0],
		...(credentials ? { credentials: { [credentials.type]: credentials.ref } } : {}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: engine.nodeTypes,
	});
	// n8n hands the editor's current parameters to the method as additionalData.currentNodeParameters (what
	// getCurrentNodeParameter reads, e.g. the location a contact list is scoped to).
	const additionalData = engine.additionalData('load-options', { id: 'wf-load-options' });
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(
		workflow,
		workflow.nodes['Temp-Node'],
		additionalData,
		path,
	);
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, 1);
	const fn = nodeType.methods?.[kind]?.[method];
	if (!fn) throw new Error(`${type} has no ${kind} method ${method}`);
	return await fn.call(context, ...args);
}

module.exports = { listSearch, loadOptions };
