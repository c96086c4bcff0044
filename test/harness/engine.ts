/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling run by jest and the benchmark, never loaded by n8n */
// Runs workflows through n8n-core's WorkflowExecute with the real `this.helpers`, real HTTP and n8n's own
// credential machinery (OAuth2 token fetch/refresh in n8n-core, preAuthentication on 401), against the
// provider simulator. Nodes and credentials are loaded from dist/, exactly what n8n loads.
import './env';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ExecutionError,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IPinData,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
} from 'n8n-workflow';
import { InMemoryCredentialsHelper } from './credentials-helper';
import { ROOT, requireFromRoot } from './root';
import { registerSecret, scan } from './secrets';
import { allText } from './text';

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

const PACKAGE = requireFromRoot<PackageJson>('package.json');
export const NODE_PREFIX = 'n8n-nodes-loyalty.';

/** The one class a node or credential file exports, instantiated. */
function loadClass<T>(file: string): T {
	const mod = requireFromRoot<Record<string, unknown>>(file);
	const Class = Object.values(mod).find((v) => typeof v === 'function') as new () => T;
	return new Class();
}

/** n8n-nodes-base nodes a test or benchmark may ask for by type, beside the ones always loaded. */
const OPTIONAL_BASE_NODES: Record<string, string> = {
	'n8n-nodes-base.httpRequest': 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js',
	'n8n-nodes-base.splitOut': 'n8n-nodes-base/dist/nodes/Transform/SplitOut/SplitOut.node.js',
};

type AnyNodeType = INodeType | IVersionedNodeType;

interface LoadedTypes {
	nodes: Record<string, AnyNodeType>;
	credentials: Record<string, ICredentialType>;
}

/** Our dist nodes and credentials, plus the n8n-nodes-base pieces workflows and credentials build on. */
function loadTypes(): LoadedTypes {
	if (!fs.existsSync(path.join(ROOT, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first');
	const nodes: Record<string, AnyNodeType> = {};
	for (const file of PACKAGE.n8n.nodes) {
		const node = loadClass<AnyNodeType>(file);
		nodes[NODE_PREFIX + node.description.name] = node;
	}
	for (const [type, file] of Object.entries({
		'n8n-nodes-base.manualTrigger': 'n8n-nodes-base/dist/nodes/ManualTrigger/ManualTrigger.node.js',
		'n8n-nodes-base.noOp': 'n8n-nodes-base/dist/nodes/NoOp/NoOp.node.js',
	})) {
		nodes[type] = loadClass<AnyNodeType>(path.relative(ROOT, require.resolve(file)));
	}
	const credentials: Record<string, ICredentialType> = {};
	for (const file of PACKAGE.n8n.credentials) {
		const credential = loadClass<ICredentialType>(file);
		credentials[credential.name] = credential;
	}
	// The parent of every OAuth2 credential: n8n's own definition, not a look-alike.
	credentials.oAuth2Api = loadClass<ICredentialType>(
		path.relative(
			ROOT,
			require.resolve('n8n-nodes-base/dist/credentials/OAuth2Api.credentials.js'),
		),
	);
	return { nodes, credentials };
}

class NodeTypes implements INodeTypes {
	constructor(private readonly nodes: Record<string, AnyNodeType>) {}

	private load(type: string): AnyNodeType | undefined {
		if (!this.nodes[type] && OPTIONAL_BASE_NODES[type]) {
			this.nodes[type] = loadClass<AnyNodeType>(
				path.relative(ROOT, require.resolve(OPTIONAL_BASE_NODES[type])),
			);
		}
		return this.nodes[type];
	}

	getByName(type: string): AnyNodeType {
		// n8n's INodeTypes answers a type for every name; an unknown one fails where it is used.
		return this.load(type) as AnyNodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		const node = this.load(type);
		if (!node) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(node, version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** The reference a node's `credentials` field takes, with the type it is stored under. */
export interface CredentialRef {
	type: string;
	ref: { id: string; name: string };
}

/** A workflow to run: its nodes and connections, the rest defaulted. */
export interface WorkflowData {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunNodeOptions {
	/** our node's name without the package prefix (e.g. 'loyaltyLion'), or a full type */
	type: string;
	parameters: INode['parameters'];
	credentials?: CredentialRef;
	items?: IDataObject[];
	continueOnFail?: boolean;
	name?: string;
	typeVersion?: number;
}

export interface NodeResult {
	items: INodeExecutionData[];
	error: ExecutionError | undefined;
}

let types: LoadedTypes | undefined;
let executionCounter = 0;

/** One n8n "instance": node types, a credential store, and a way to run workflows. */
export class Engine {
	readonly scanSecrets: boolean;

	readonly nodeTypes: NodeTypes;

	readonly credentials: InMemoryCredentialsHelper;

	/** scanSecrets: false for benchmarks (the scan is test tooling). */
	constructor({ scanSecrets = true }: { scanSecrets?: boolean } = {}) {
		this.scanSecrets = scanSecrets;
		types = types ?? loadTypes();
		this.nodeTypes = new NodeTypes(types.nodes);
		this.credentials = new InMemoryCredentialsHelper(types.credentials, this.nodeTypes);
	}

	/** Stores a credential; returns the reference a node's `credentials` field uses. */
	addCredential(id: string, type: string, data: IDataObject, name?: string): CredentialRef {
		// Every password-typed field of the credential is a secret the suite must never see in an output.
		for (const property of this.credentials.getCredentialsProperties(type)) {
			if (property.typeOptions?.password) registerSecret(data[property.name]);
		}
		return { type, ref: this.credentials.add({ id, name: name ?? `${type} ${id}`, type, data }) };
	}

	additionalData(
		executionId: string,
		workflowData: Partial<IWorkflowBase> & { id: string },
	): IWorkflowExecuteAdditionalData {
		const base = 'http://localhost:5678';
		return {
			credentialsHelper: this.credentials,
			// n8n-core's hooks take the whole stored workflow; the harness has only what a test gave it.
			hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData as IWorkflowBase),
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
			// The CLI's task runners and external secrets: no node of this package uses them.
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/**
	 * A credential's Test button: what n8n's credentials tester does with a credential's declarative
	 * `test.request` (a one-property node type routed through n8n's RoutingNode with the credential as typed,
	 * the answer mapped to {status, message}). Returns the request error as `error` too.
	 */
	async testCredential(
		credentials: CredentialRef,
	): Promise<{ status: 'OK' | 'Error'; message: string; error?: Error }> {
		const loaded = (types = types ?? loadTypes());
		const credentialType = loaded.credentials[credentials.type];
		const request = credentialType.test?.request;
		if (!request) throw new Error(`${credentials.type} has no declarative credential test`);
		const found = Object.entries(loaded.nodes)
			.map(([name, t]) => [name, NodeHelpers.getVersionedNodeType(t)] as const)
			.find(([, t]) => (t.description.credentials ?? []).some((c) => c.name === credentials.type));
		if (!found) throw new Error(`no node uses ${credentials.type}`);
		const [nodeTypeName, nodeType] = found;
		const testType = {
			description: {
				...nodeType.description,
				credentials: [{ name: credentials.type, required: true }],
				properties: [
					{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request }, default: '' },
				],
			},
		} as INodeType;
		const version = [nodeType.description.version].flat().pop() as number;
		const node: INode = {
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
		} as unknown as INodeTypes;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const executionId = String(++executionCounter);
		const data = await this.credentials.getDecrypted(
			{} as never,
			credentials.ref,
			credentials.type,
			'internal',
		);
		const decrypted = { ...credentials.ref, type: credentials.type, data };
		const runExecutionData = { resultData: { runData: {} } };
		const executeData = { node, data: {}, source: null };
		// n8n's credentials tester builds this context the same way; its constructor's types are internal.
		const context = new (ExecuteContext as unknown as new (...args: unknown[]) => ExecuteContext)(
			workflow,
			node,
			this.additionalData(executionId, { id: 'credential-test', nodes: [node] }),
			'internal',
			runExecutionData,
			0,
			[{ json: {} }],
			{ main: [[{ json: {} }]] },
			executeData,
			[],
		);
		try {
			await new (RoutingNode as unknown as new (...args: unknown[]) => RoutingNode)(
				context,
				testType,
				decrypted,
			).runNode();
		} catch (caught) {
			const error = caught as Error & {
				cause?: { response?: { status: number; statusText?: string } };
			};
			const response = error.cause?.response;
			// n8n's credentials tester: a responseCode rule matching the status gives the rule's message.
			const rule = (credentialType.test?.rules ?? []).find(
				(r) => r.type === 'responseCode' && r.properties.value === response?.status,
			);
			if (rule) return { status: 'Error', message: rule.properties.message, error };
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
	async run(workflowData: WorkflowData, { pinData }: { pinData?: IPinData } = {}): Promise<IRun> {
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
	}: RunNodeOptions): Promise<NodeResult & { run: IRun }> {
		const node: INode = {
			id: 'node-under-test',
			name,
			type: type.includes('.') ? type : NODE_PREFIX + type,
			typeVersion,
			position: [200, 0],
			parameters,
			credentials: credentials ? { [credentials.type]: credentials.ref } : undefined,
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		};
		const trigger: INode = {
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
export function resultOf(run: IRun, nodeName: string): NodeResult {
	const task = run.data.resultData.runData[nodeName]?.[0];
	const failed = run.data.resultData.error;
	const failedNode = failed && 'node' in failed ? (failed.node as INode | undefined) : undefined;
	return {
		items: task?.data?.main?.[0] ?? [],
		error: task?.error ?? (failedNode?.name === nodeName ? failed : undefined) ?? failed,
	};
}

/** The trigger node a harness activates: named "Trigger", our type prefix added when missing. */
export function triggerNode({
	id,
	type,
	parameters,
	credentials,
	...extra
}: {
	id: string;
	type: string;
	parameters: INode['parameters'];
	credentials?: CredentialRef;
	webhookId?: string;
}): INode {
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
