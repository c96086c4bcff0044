'use strict';
// Runs workflows through n8n-core's WorkflowExecute with the real `this.helpers`, real HTTP and n8n's own
// credential machinery (OAuth2 token fetch/refresh in n8n-core, preAuthentication on 401), against the
// provider simulator. Nodes and credentials are loaded from dist/, exactly what n8n loads.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core reads these when its services first build themselves: set them before requiring it.
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-test-'));
}
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

const {
	WorkflowExecute,
	ExecutionLifecycleHooks,
	ExecuteContext,
	RoutingNode,
} = require('n8n-core');
const { Workflow, NodeHelpers } = require('n8n-workflow');
const { InMemoryCredentialsHelper } = require('./credentials-helper');
const { registerSecret, scan } = require('./secrets');

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = require(path.join(ROOT, 'package.json'));
const NODE_PREFIX = 'n8n-nodes-loyalty.';

function loadClass(file) {
	const mod = require(path.join(ROOT, file));
	const Class = Object.values(mod).find((v) => typeof v === 'function');
	return new Class();
}

/** n8n-nodes-base nodes a test or benchmark may ask for by type, beside the ones always loaded. */
const OPTIONAL_BASE_NODES = {
	'n8n-nodes-base.httpRequest': 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js',
	'n8n-nodes-base.splitOut': 'n8n-nodes-base/dist/nodes/Transform/SplitOut/SplitOut.node.js',
};

/** Our dist nodes and credentials, plus the n8n-nodes-base pieces workflows and credentials build on. */
function loadTypes() {
	if (!fs.existsSync(path.join(ROOT, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first');
	const nodes = {};
	for (const file of PACKAGE.n8n.nodes) {
		const node = loadClass(file);
		nodes[NODE_PREFIX + node.description.name] = node;
	}
	for (const [type, file] of Object.entries({
		'n8n-nodes-base.manualTrigger': 'n8n-nodes-base/dist/nodes/ManualTrigger/ManualTrigger.node.js',
		'n8n-nodes-base.noOp': 'n8n-nodes-base/dist/nodes/NoOp/NoOp.node.js',
	})) {
		nodes[type] = loadClass(path.relative(ROOT, require.resolve(file)));
	}
	const credentials = {};
	for (const file of PACKAGE.n8n.credentials) {
		const credential = loadClass(file);
		credentials[credential.name] = credential;
	}
	// The parent of every OAuth2 credential: n8n's own definition, not a look-alike.
	credentials.oAuth2Api = loadClass(
		path.relative(
			ROOT,
			require.resolve('n8n-nodes-base/dist/credentials/OAuth2Api.credentials.js'),
		),
	);
	return { nodes, credentials };
}

class NodeTypes {
	constructor(nodes) {
		this.nodes = nodes;
	}
	load(type) {
		if (!this.nodes[type] && OPTIONAL_BASE_NODES[type]) {
			this.nodes[type] = loadClass(path.relative(ROOT, require.resolve(OPTIONAL_BASE_NODES[type])));
		}
		return this.nodes[type];
	}
	getByName(type) {
		return this.load(type);
	}
	getByNameAndVersion(type, version) {
		const node = this.load(type);
		if (!node) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(node, version);
	}
	getKnownTypes() {
		return {};
	}
}

let types;
let executionCounter = 0;

/** One n8n "instance": node types, a credential store, and a way to run workflows. */
class Engine {
	/** @param {{scanSecrets?: boolean}} [options]  scanSecrets: false for benchmarks (the scan is test tooling) */
	constructor({ scanSecrets = true } = {}) {
		this.scanSecrets = scanSecrets;
		types = types ?? loadTypes();
		this.nodeTypes = new NodeTypes(types.nodes);
		this.credentials = new InMemoryCredentialsHelper(types.credentials, this.nodeTypes);
	}

	/** Stores a credential; returns the reference a node's `credentials` field uses. */
	addCredential(id, type, data, name) {
		// Every password-typed field of the credential is a secret the suite must never see in an output.
		for (const property of this.credentials.getCredentialsProperties(type)) {
			if (property.typeOptions?.password) registerSecret(data[property.name]);
		}
		return { type, ref: this.credentials.add({ id, name: name ?? `${type} ${id}`, type, data }) };
	}

	additionalData(executionId, workflowData) {
		const base = 'http://localhost:5678';
		return {
			credentialsHelper: this.credentials,
			hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not available in the test harness');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			executionId,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: base,
			formBaseUrl: `${base}/form`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			formTestBaseUrl: `${base}/form-test`,
			webhookBaseUrl: `${base}/webhook`,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			mcpBaseUrl: `${base}/mcp`,
			mcpTestBaseUrl: `${base}/mcp-test`,
			variables: {},
			userId: 'test-user',
			logAiEvent: () => {},
		};
	}

	/**
	 * A credential's Test button: what n8n's credentials tester does with a credential's declarative
	 * `test.request` (a one-property node type routed through n8n's RoutingNode with the credential as typed,
	 * the answer mapped to {status, message}). Returns the request error as `error` too.
	 */
	async testCredential(credentials) {
		const credentialType = types.credentials[credentials.type];
		const request = credentialType.test?.request;
		if (!request) throw new Error(`${credentials.type} has no declarative credential test`);
		const [nodeTypeName, nodeType] = Object.entries(types.nodes).find(([, t]) =>
			(t.description.credentials ?? []).some((c) => c.name === credentials.type),
		);
		const testType = {
			description: {
				...nodeType.description,
				credentials: [{ name: credentials.type, required: true }],
				properties: [
					{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request }, default: '' },
				],
			},
		};
		const version = [nodeType.description.version].flat().pop();
		const node = {
			id: 'credential-test',
			name: 'Temp-Node',
			type: nodeTypeName,
			typeVersion: version,
			position: [0, 0],
			parameters: {},
			credentials: { [credentials.type]: credentials.ref },
		};
		const nodeTypes = {
			getByName: () => testType,
			getByNameAndVersion: () => testType,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const executionId = String(++executionCounter);
		const data = await this.credentials.getDecrypted(
			{},
			credentials.ref,
			credentials.type,
			'internal',
		);
		const decrypted = { ...credentials.ref, type: credentials.type, data };
		const runExecutionData = { resultData: { runData: {} } };
		const executeData = { node, data: {}, source: null };
		const context = new ExecuteContext(
			workflow,
			node,
			this.additionalData(executionId, { nodes: [node] }),
			'internal',
			runExecutionData,
			0,
			[{ json: {} }],
			{ main: [[{ json: {} }]] },
			executeData,
			[],
		);
		try {
			await new RoutingNode(context, testType, decrypted).runNode();
		} catch (error) {
			const response = error.cause?.response;
			if (response && (response.status < 200 || response.status > 299))
				return {
					status: 'Error',
					message: response.statusText || `Received HTTP status code: ${response.status}`,
					error,
				};
			return { status: 'Error', message: error.message, error };
		}
		return { status: 'OK', message: 'Connection successful!' };
	}

	/**
	 * Runs a workflow ({nodes, connections}) and returns the IRun. `pinData` pins a node's output, the way a
	 * user pins test items on a trigger in the editor.
	 */
	async run(workflowData, { pinData } = {}) {
		const executionId = String(++executionCounter);
		const data = { id: 'wf-test', name: 'test', active: false, settings: {}, ...workflowData };
		const workflow = new Workflow({
			id: data.id,
			name: data.name,
			nodes: data.nodes,
			connections: data.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			staticData: {},
			settings: data.settings,
		});
		const execute = new WorkflowExecute(this.additionalData(executionId, data), 'manual');
		const run = await execute.run({ workflow, pinData: pinData ?? data.pinData });
		// Secret hygiene: nothing secret in any node's output or error, whether the run failed or not.
		if (!this.scanSecrets) return run;
		const { allText } = require('./text');
		scan(
			`execution ${executionId} (${data.nodes.map((n) => n.type.split('.').pop()).join(' → ')})`,
			allText(run.data),
		);
		return run;
	}

	/**
	 * Runs one of our nodes on `items` (JSON objects) behind a pinned Manual Trigger. Returns
	 * { items, error, run } for that node.
	 */
	async runNode({
		type,
		parameters,
		credentials,
		items = [{}],
		continueOnFail = false,
		name = 'Node',
		typeVersion = 1,
	}) {
		const node = {
			id: 'node-under-test',
			name,
			type: type.includes('.') ? type : NODE_PREFIX + type,
			typeVersion,
			position: [200, 0],
			parameters,
			credentials: credentials ? { [credentials.type]: credentials.ref } : undefined,
			...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		};
		const trigger = {
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const run = await this.run(
			{
				nodes: [trigger, node],
				connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
			},
			{ pinData: { Start: items.map((json) => ({ json })) } },
		);
		return { ...resultOf(run, name), run };
	}
}

/** The output items and error of one node in a run. */
function resultOf(run, nodeName) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error:
			task?.error ??
			(run.data.resultData.error?.node?.name === nodeName
				? run.data.resultData.error
				: undefined) ??
			run.data.resultData.error,
	};
}

/** The trigger node a harness activates: named "Trigger", our type prefix added when missing. */
function triggerNode({ id, type, parameters, credentials, ...extra }) {
	return {
		id,
		name: 'Trigger',
		type: type.includes('.') ? type : NODE_PREFIX + type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...extra,
		credentials: credentials ? { [credentials.type]: credentials.ref } : undefined,
	};
}

module.exports = { Engine, resultOf, NODE_PREFIX, triggerNode };
