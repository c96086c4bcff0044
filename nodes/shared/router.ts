import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { PathSegmentError } from './path';

/** What an operation may return for one input item. */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

/** One operation of one resource: its fields and how it runs. */
export interface Operation {
	description: INodeProperties[];
	/** Runs for one input item. */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/**
	 * Runs once for every input item of this operation (batch endpoints). Returns output items already paired
	 * with their inputs, and applies continueOnFail itself (with errorItem) to the items a failed batch held.
	 */
	executeBatch?(this: IExecuteFunctions, itemIndexes: number[]): Promise<INodeExecutionData[]>;
	/**
	 * Parameters that name the records this operation changes. Items run several at a time; two items naming the
	 * same record (by any of these parameters' values) run one after the other, in input order, so that "add
	 * points, then redeem" or "update, then delete" apply as listed.
	 */
	orderedBy?: string[];
}

/** Items in flight at once in the per-item router, unless a node says otherwise. Each credential's flow
 * (shared/flow.ts) decides how fast their requests go; this only bounds the requests waiting for an answer. */
export const DEFAULT_CONCURRENCY = 8;

export type ResourceMap = Record<string, Record<string, Operation>>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		typeof value === 'object' &&
		value !== null &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object' &&
		Object.keys(value).every((k) => ['json', 'binary', 'pairedItem', 'error'].includes(k))
	);
}

/** Wraps an operation's result as output items, each paired with the input item it came from. */
export function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const item: INodeExecutionData = isExecutionData(entry) ? entry : { json: entry as IDataObject };
		return { ...item, pairedItem: { item: itemIndex } };
	});
}

/** The error as an n8n node error that names the item (errors that already are one are kept as they are). */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: error instanceof PathSegmentError
				? new NodeOperationError(ctx.getNode(), `${error.message} (item ${itemIndex})`, {
						itemIndex,
						description: 'An ID used in the request path is not a valid ID; nothing was sent. Check the ID field of this item, or the expression that fills it.',
					})
				: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = itemIndex;
	return nodeError;
}

/**
 * The output item continueOnFail gives for a failed input item. `error` is set as well as the JSON: n8n's
 * "continue (using error output)" setting routes an item to the error output by it.
 */
export function errorItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const nodeError = asNodeError(ctx, error, itemIndex);
	return { json: errorJson(nodeError), error: nodeError, pairedItem: { item: itemIndex } };
}

/** The error as output JSON for continueOnFail: what happened, without anything secret. */
function errorJson(error: Error & { description?: string | null; httpCode?: string | null; errorResponse?: JsonObject }) {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	const requestId = error.errorResponse?.requestId;
	if (requestId) json.requestId = requestId as string;
	return json;
}

/** Where each input item got to, to tell the user exactly what was applied when a run stops. */
type ItemState = 'done' | 'failed' | 'not sent';

function ranges(indexes: number[]): string {
	const parts: string[] = [];
	for (let k = 0; k < indexes.length; k++) {
		let end = k;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		parts.push(end > k ? `${indexes[k]}-${indexes[end]}` : String(indexes[k]));
		k = end;
	}
	return parts.join(', ');
}

/** The stop report: exactly which items were applied, which failed and which were never sent. */
function stopReport(applied: number[], failed: number[], notSent: number[], stoppedAt: number, batch = false): string {
	const verb = batch ? 'been applied' : 'succeeded';
	const list = (indexes: number[]) => `${indexes.length === 1 ? 'Item' : 'Items'} ${ranges(indexes)}`;
	const parts = [`The run stopped at item ${stoppedAt}.`];
	parts.push(applied.length ? `${list(applied)} had already ${verb}.` : `No item had ${verb}.`);
	if (failed.length) parts.push(`${list(failed)} failed${batch ? ': not confirmed as applied' : ''}.`);
	if (notSent.length) parts.push(`${list(notSent)} ${notSent.length === 1 ? 'was' : 'were'} never sent.`);
	return parts.join(' ');
}

function appendDescription(error: NodeApiError | NodeOperationError, text: string): void {
	error.description = [error.description, text].filter(Boolean).join(' ');
}

/** Adds to a stopping error of the per-item router what was applied, what failed and what was never sent. */
function explainStop(error: NodeApiError | NodeOperationError, states: ItemState[], failed: number): void {
	const of = (state: ItemState) => states.flatMap((s, i) => (s === state ? [i] : []));
	if (states.length <= 1) return;
	appendDescription(error, stopReport(of('done'), of('failed'), of('not sent'), failed));
}

/**
 * The error that stops a batch operation (items sent `size` at a time, in order), with the stop report: the
 * items of earlier batches were applied, those of the failed batch were not, later ones were never sent.
 */
export function explainBatchStop(
	ctx: IExecuteFunctions,
	error: unknown,
	failedBatch: Array<{ index: number }>,
	all: Array<{ index: number }>,
	start: number,
	size: number,
): NodeApiError | NodeOperationError {
	const nodeError = asNodeError(ctx, error, failedBatch[0].index);
	const indexes = (list: Array<{ index: number }>) => list.map((x) => x.index);
	appendDescription(nodeError, stopReport(indexes(all.slice(0, start)), indexes(failedBatch), indexes(all.slice(start + size)), failedBatch[0].index, true));
	return nodeError;
}

/**
 * The node router every provider node uses: for each input item, resource → operation → execute, with
 * paired items, continueOnFail on that item only, and errors that name the item.
 *
 * `concurrency` lets up to that many items be in flight at once (each credential's flow in the transport
 * paces their requests): output order is input order all the same, and items that change the same record
 * (the operation's `orderedBy`) run in input order. When an item fails and the run stops, no new item is
 * started, those in flight finish, the error of the first failed item is thrown, and its description says
 * which items had succeeded and which were not sent.
 */
export async function routeItems(
	this: IExecuteFunctions,
	resources: ResourceMap,
	{ concurrency = DEFAULT_CONCURRENCY }: { concurrency?: number } = {},
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	const states: ItemState[] = new Array(items.length).fill('not sent');
	const batches = new Map<Operation, number[]>();
	const continueOnFail = this.continueOnFail();
	let firstFailure: { index: number; error: NodeApiError | NodeOperationError } | undefined;
	let next = 0;
	/** The last item picked that names a record, by record: a later item naming it waits for it. */
	const lastFor = new Map<string, Promise<void>>();

	const runItem = async (i: number): Promise<void> => {
		let finished: (() => void) | undefined;
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const handler = resources[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for the resource "${resource}"`, {
					itemIndex: i,
				});
			}
			if (handler.orderedBy?.length && concurrency > 1) {
				// Claimed before the first await: items are picked in input order, so an earlier item naming the same
				// record has claimed it already, and this one waits for it.
				const own = new Promise<void>((resolve) => (finished = resolve));
				const earlier: Array<Promise<void> | undefined> = [];
				for (const key of new Set(recordKeys(this, handler.orderedBy, i))) {
					earlier.push(lastFor.get(key));
					lastFor.set(key, own);
				}
				await Promise.all(earlier);
				if (firstFailure) return; // the run is stopping: this item is left unsent, as the report says
			}
			if (handler.executeBatch) {
				batches.set(handler, [...(batches.get(handler) ?? []), i]);
				results[i] = [];
				states[i] = 'done';
				return;
			}
			results[i] = toItems(await handler.execute!.call(this, i), i);
			states[i] = 'done';
		} catch (error) {
			states[i] = 'failed';
			if (continueOnFail) {
				results[i] = [errorItem(this, error, i)];
				return;
			}
			const nodeError = asNodeError(this, error, i);
			if (!firstFailure || i < firstFailure.index) firstFailure = { index: i, error: nodeError };
		} finally {
			finished?.();
		}
	};
	const lane = async (): Promise<void> => {
		while (next < items.length && !firstFailure) await runItem(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
	if (firstFailure) {
		explainStop(firstFailure.error, states, firstFailure.index);
		throw firstFailure.error;
	}

	const out: INodeExecutionData[] = [];
	for (const list of results) if (list) for (const item of list) out.push(item);
	for (const [handler, indexes] of batches) {
		for (const item of await handler.executeBatch!.call(this, indexes)) out.push(item);
	}
	return [out];
}

/** The records an item names, by the values of the parameters listed (resource locators by their value). */
function recordKeys(ctx: IExecuteFunctions, names: string[], i: number): string[] {
	const keys: string[] = [];
	for (const name of names) {
		let value: unknown;
		try {
			value = ctx.getNodeParameter(name, i, '', { extractValue: true });
		} catch {
			continue; // not a parameter of this item's operation: the operation itself will say what is wrong
		}
		if (value !== '' && value !== undefined && value !== null && typeof value !== 'object') keys.push(String(value));
	}
	return keys;
}

/** displayOptions for fields of one resource's operations. */
export function showFor(resource: string, operations: string[]): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: operations } };
}

/** Applies `displayOptions` for one resource/operation to a list of fields that do not set their own. */
export function fieldsFor(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({ ...field, displayOptions: field.displayOptions ?? showFor(resource, [operation]) }));
}

/** The Operation selector of one resource. */
export function operationProperty(resource: string, options: INodePropertyOptions[], defaultValue: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultValue,
	};
}

/** Every field of every operation, for a node's properties. */
export function allFields(resources: ResourceMap): INodeProperties[] {
	return Object.values(resources).flatMap((operations) => Object.values(operations).flatMap((operation) => operation.description));
}
