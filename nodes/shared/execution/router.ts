import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { asNodeError, errorItem, toItems } from './items';
import type { NodeActions, OperationSpec } from './operation';
import { recordKeys } from './ordering';
import { explainStop, type ItemState } from './stop-report';

/** Items in flight at once, unless a node says otherwise. Each credential's flow decides how fast their
 * requests go; this only bounds the requests waiting for an answer. */
export const DEFAULT_CONCURRENCY = 8;

type StopError = NodeApiError | NodeOperationError;

/** One execution of a node: each input item's state, output and the first error that stops the run. */
class Run {
	readonly states: ItemState[];
	readonly results: INodeExecutionData[][];
	stop?: { index: number; error: StopError };
	readonly continueOnFail: boolean;

	constructor(
		readonly ctx: IExecuteFunctions,
		count: number,
	) {
		this.states = new Array(count).fill('not sent');
		this.results = new Array(count);
		this.continueOnFail = ctx.continueOnFail();
	}

	done(index: number, items: INodeExecutionData[]): void {
		this.states[index] = 'done';
		this.results[index] = items;
	}

	/** The item failed: its error item under continueOnFail, else the run stops (at the first such item). */
	fail(index: number, error: unknown, state: ItemState = 'failed'): void {
		this.states[index] = state;
		if (this.continueOnFail) {
			this.results[index] = [errorItem(this.ctx, error, index)];
			return;
		}
		if (!this.stop || index < this.stop.index) {
			this.stop = { index, error: asNodeError(this.ctx, error, index) };
		}
	}

	output(): INodeExecutionData[][] {
		if (this.stop) {
			explainStop(this.stop.error, this.states, this.stop.index);
			throw this.stop.error;
		}
		return [this.results.flatMap((list) => list ?? [])];
	}
}

function handlerOf(ctx: IExecuteFunctions, actions: NodeActions, i: number): OperationSpec {
	const resource = ctx.getNodeParameter('resource', i) as string;
	const operation = ctx.getNodeParameter('operation', i) as string;
	const handler = actions.handler(resource, operation);
	if (!handler) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not known for the resource "${resource}"`,
			{ itemIndex: i },
		);
	}
	return handler;
}

/** Sends the items of one batch operation chunk by chunk, each item's state as its chunk went. */
async function runBatch(
	run: Run,
	handler: OperationSpec,
	indexes: number[],
	concurrency: number,
): Promise<void> {
	const batch = handler.batch!;
	const ready: Array<{ index: number; value: unknown }> = [];
	for (const index of indexes) {
		try {
			ready.push({ index, value: await batch.prepare(run.ctx, index) });
		} catch (error) {
			run.fail(index, error);
		}
		if (run.stop) return;
	}
	let size: number;
	try {
		size = Math.max(1, batch.size(run.ctx, indexes[0]));
	} catch (error) {
		// A setting of the whole batch is wrong (read from its first item): none of its items can go.
		for (const { index } of ready) run.fail(index, error);
		return;
	}
	const chunks: Array<typeof ready> = [];
	for (let start = 0; start < ready.length; start += size)
		chunks.push(ready.slice(start, start + size));
	let next = 0;
	// One lane sends the chunks in turn; a concurrent batch has up to `concurrency` lanes. A stopping run
	// starts no new chunk.
	const lane = async (): Promise<void> => {
		while (next < chunks.length && !run.stop) {
			const chunk = chunks[next++];
			try {
				const results = await batch.send(run.ctx, chunk);
				chunk.forEach(({ index }, k) => {
					const result = results[k] ?? {};
					if (result instanceof Error) run.fail(index, result);
					else run.done(index, toItems(result, index));
				});
			} catch (error) {
				for (const { index } of chunk) run.fail(index, error, 'unconfirmed');
			}
		}
	};
	const lanes = batch.concurrent ? Math.max(1, Math.min(concurrency, chunks.length)) : 1;
	await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * The router every provider node uses: for each input item, resource → operation → execute, with paired
 * items, continueOnFail on that item only, and errors that name the item.
 *
 * Up to `concurrency` items are in flight at once; output order is input order all the same, and items of
 * a write that name the same record run in input order. Items of a batch operation wait for their batch,
 * which runs once the single items have. When an item fails and the run stops, no new item starts, those
 * in flight finish, and the error of the first failed item is thrown with the stop report.
 */
export async function routeItems(
	this: IExecuteFunctions,
	actions: NodeActions,
	{ concurrency = DEFAULT_CONCURRENCY }: { concurrency?: number } = {},
): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	const run = new Run(this, count);
	const batches = new Map<OperationSpec, number[]>();
	/** The last item picked that names a record, by record: a later item naming it waits for it. */
	const lastFor = new Map<string, Promise<void>>();
	let next = 0;

	const runItem = async (i: number): Promise<void> => {
		let finished: (() => void) | undefined;
		try {
			const handler = handlerOf(this, actions, i);
			if (handler.batch) {
				batches.set(handler, [...(batches.get(handler) ?? []), i]);
				run.states[i] = 'queued';
				return;
			}
			if (handler.kind === 'write' && concurrency > 1) {
				// Claimed before the first await: items are picked in input order, so an earlier item naming
				// the same record has claimed it already, and this one waits for it.
				const own = new Promise<void>((resolve) => (finished = resolve));
				const earlier = recordKeys(this, handler, i).map((key) => {
					const before = lastFor.get(key);
					lastFor.set(key, own);
					return before;
				});
				await Promise.all(earlier);
				if (run.stop) return; // the run is stopping: this item is left unsent, as the report says
			}
			run.done(i, toItems(await handler.execute!.call(this, i), i));
		} catch (error) {
			run.fail(i, error);
		} finally {
			finished?.();
		}
	};
	const lane = async (): Promise<void> => {
		while (next < count && !run.stop) await runItem(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
	for (const [handler, indexes] of batches) {
		if (run.stop) break;
		await runBatch(run, handler, indexes, concurrency);
	}
	return run.output();
}
