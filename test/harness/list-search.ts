// A node's listSearch method run as the n8n editor runs it (n8n 2.41, cli services/dynamic-node-parameters:
// getResourceLocatorResults): a one-node workflow of the current parameters and credentials, a
// LoadOptionsContext on it, the method called with (filter, paginationToken); a number token becomes a string.
import './env';
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { NODE_PREFIX, type CredentialRef, type Engine } from './engine';

export interface MethodOptions {
	/** our node's name without the package prefix */
	type: string;
	method: string;
	parameters?: INodeParameters;
	credentials?: CredentialRef;
	/** the parameter the method fills, as n8n names it */
	path?: string;
}

export interface ListSearchOptions extends MethodOptions {
	filter?: string;
	token?: string;
}

export async function listSearch(
	engine: Engine,
	options: ListSearchOptions,
): Promise<INodeListSearchResult> {
	const { filter, token } = options;
	const result = (await call(engine, 'listSearch', options, [
		filter,
		token,
	])) as INodeListSearchResult;
	const next: unknown = result?.paginationToken;
	return typeof next === 'number' ? { ...result, paginationToken: String(next) } : result;
}

/** A loadOptions method (a dynamic options list), run the same way: n8n calls it with no arguments. */
export async function loadOptions(
	engine: Engine,
	options: MethodOptions,
): Promise<INodePropertyOptions[]> {
	return (await call(engine, 'loadOptions', options, [])) as INodePropertyOptions[];
}

async function call(
	engine: Engine,
	kind: 'listSearch' | 'loadOptions',
	{ type, method, parameters = {}, credentials, path = 'parameters.id' }: MethodOptions,
	args: unknown[],
): Promise<unknown> {
	const node: INode = {
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
	const fn = nodeType.methods?.[kind]?.[method] as
		| ((this: LoadOptionsContext, ...args: unknown[]) => Promise<unknown>)
		| undefined;
	if (!fn) throw new Error(`${type} has no ${kind} method ${method}`);
	return await fn.call(context, ...args);
}
