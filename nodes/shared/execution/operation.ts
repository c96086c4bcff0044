import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor, operationProperty, resourceProperty } from '../descriptions/display';
import type { OperationResult } from './items';

/**
 * One operation of one resource, declared once: its option in the Operation selector, its fields, how it
 * runs, and whether it writes.
 */
export interface OperationSpec {
	/** The option: `value` is the parameter value, `name` and `action` what the editor shows. */
	value: string;
	name: string;
	action: string;
	description: string;
	/** Its fields; shown only under this operation (their own displayOptions still apply). */
	fields: INodeProperties[];
	/**
	 * `write`: items run in input order per record. The record is named by the values of `records` (items
	 * naming another record run beside them); without `records`, every item of the operation runs in input
	 * order. `read`: items run several at a time.
	 */
	kind: 'read' | 'write';
	records?: string[];
	/** Runs for one input item. */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** Or: every input item of the operation goes through one batch endpoint. */
	batch?: BatchSpec;
}

/** A batch endpoint: items read one by one, then sent `size` at a time in input order. */
export interface BatchSpec<T = unknown> {
	/**
	 * Whether chunks may be sent at once (up to the router's concurrency; the credential's flow still paces
	 * every request): for a batch endpoint whose answer is awaited (polled), so n chunks wait about as long as
	 * one, not n times. Default: one chunk after another.
	 */
	concurrent?: boolean;
	/** Items per request, read from the first item's parameters. */
	size(ctx: IExecuteFunctions, firstIndex: number): number;
	/** Reads and checks one item's input; throwing fails that item only, before anything is sent. */
	prepare(ctx: IExecuteFunctions, itemIndex: number): T | Promise<T>;
	/**
	 * Sends one chunk; returns one result per entry, in order, or an Error for an entry the provider refused
	 * (that item fails alone). Throwing fails the whole chunk.
	 */
	send(
		ctx: IExecuteFunctions,
		chunk: Array<{ index: number; value: T }>,
	): Promise<Array<OperationResult | Error>>;
}

export function defineOperation(spec: OperationSpec): OperationSpec {
	if (!spec.execute === !spec.batch) {
		throw new Error(`Operation "${spec.value}" needs exactly one of execute and batch`);
	}
	return spec;
}

export function defineBatch<T>(spec: BatchSpec<T>): BatchSpec {
	return spec as BatchSpec;
}

/** One resource: its option in the Resource selector and its operations. */
export interface ResourceSpec {
	value: string;
	name: string;
	description: string;
	/** The operation selected when the resource is picked. */
	defaultOperation: string;
	operations: OperationSpec[];
}

export function defineResource(spec: ResourceSpec): ResourceSpec {
	if (!spec.operations.some((o) => o.value === spec.defaultOperation)) {
		throw new Error(`Resource "${spec.value}": no operation "${spec.defaultOperation}"`);
	}
	return spec;
}

/** What a node's actions are: the properties the editor shows and the handler of each choice. */
export interface NodeActions {
	properties: INodeProperties[];
	handler(resource: string, operation: string): OperationSpec | undefined;
	resources: ResourceSpec[];
}

/**
 * A node's actions built from its resources: the Resource selector, one Operation selector per resource
 * and every operation's fields, from the same declarations that run. An option cannot lack a handler.
 */
export function defineActions(resources: ResourceSpec[], defaultResource: string): NodeActions {
	const handlers = new Map<string, OperationSpec>();
	for (const resource of resources) {
		for (const operation of resource.operations) {
			const key = `${resource.value}:${operation.value}`;
			if (handlers.has(key)) throw new Error(`Operation declared twice: ${key}`);
			handlers.set(key, operation);
		}
	}
	const properties: INodeProperties[] = [
		resourceProperty(
			resources.map(({ name, value, description }) => ({ name, value, description })),
			defaultResource,
		),
		...resources.map((resource) =>
			operationProperty(
				resource.value,
				resource.operations.map(({ name, value, action, description }) => ({
					name,
					value,
					action,
					description,
				})),
				resource.defaultOperation,
			),
		),
		...resources.flatMap((resource) =>
			resource.operations.flatMap((operation) =>
				fieldsFor(resource.value, operation.value, operation.fields),
			),
		),
	];
	return {
		properties,
		resources,
		handler: (resource, operation) => handlers.get(`${resource}:${operation}`),
	};
}
