import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';
import { toItems, outputItems } from '../../nodes/shared/execution/items';
import {
	defineActions,
	defineBatch,
	defineOperation,
	defineResource,
	type OperationSpec,
} from '../../nodes/shared/execution/operation';
import { routeItems } from '../../nodes/shared/execution/router';
import { routerContext } from './context';

const tick = async () => await sleep(5);

function nodeWith(operations: OperationSpec[]) {
	return defineActions(
		[
			defineResource({
				value: 'thing',
				name: 'Thing',
				description: 'Things',
				defaultOperation: operations[0].value,
				operations,
			}),
		],
		'thing',
	);
}

const item = (operation: string, extra: IDataObject = {}) => ({
	resource: 'thing',
	operation,
	...extra,
});

describe('router', () => {
	test('batch items are reported never sent when a single item stops the run before their batch', async () => {
		const sent: number[] = [];
		const actions = nodeWith([
			defineOperation({
				value: 'batchWrite',
				name: 'Batch Write',
				action: 'Write in batches',
				description: 'Batch',
				kind: 'write',
				fields: [],
				batch: defineBatch({
					size: () => 10,
					prepare: (_ctx, i) => i,
					send: async (_ctx, chunk) => {
						sent.push(...chunk.map((c) => c.index));
						return chunk.map(() => ({ ok: true }));
					},
				}),
			}),
			defineOperation({
				value: 'fail',
				name: 'Fail',
				action: 'Fail',
				description: 'Fails',
				kind: 'read',
				fields: [],
				execute: async () => {
					throw new Error('refused');
				},
			}),
		]);
		const ctx = routerContext([item('batchWrite'), item('batchWrite'), item('fail')]);
		const error = await routeItems.call(ctx, actions).catch((e: { description?: string }) => e);
		expect(sent).toEqual([]);
		expect((error as { description?: string }).description).toBe(
			'The run stopped at item 2. No item had succeeded. Item 2 failed. Items 0-1 were never sent.',
		);
	});

	test('a failed batch chunk: earlier chunks applied, the chunk unconfirmed, later chunks never sent', async () => {
		const actions = nodeWith([
			defineOperation({
				value: 'batchWrite',
				name: 'Batch Write',
				action: 'Write in batches',
				description: 'Batch',
				kind: 'write',
				fields: [],
				batch: defineBatch({
					size: () => 2,
					prepare: (_ctx, i) => i,
					send: async (_ctx, chunk) => {
						if (chunk[0].index === 2) throw new Error('503');
						return chunk.map((c) => ({ index: c.index }));
					},
				}),
			}),
		]);
		const ctx = routerContext([0, 1, 2, 3, 4].map(() => item('batchWrite')));
		const error = (await routeItems.call(ctx, actions).catch((e) => e)) as { description?: string };
		expect(error.description).toMatch(
			/The run stopped at item 2\. Items 0-1 had already been applied\. Items 2-3 failed: not confirmed as applied\. Item 4 was never sent\.$/,
		);
		const kept = routerContext(
			[0, 1, 2, 3, 4].map(() => item('batchWrite')),
			{ continueOnFail: true },
		);
		const [out] = await routeItems.call(kept, actions);
		expect(out.map((o) => [o.pairedItem, 'error' in o.json])).toEqual([
			[{ item: 0 }, false],
			[{ item: 1 }, false],
			[{ item: 2 }, true],
			[{ item: 3 }, true],
			[{ item: 4 }, false],
		]);
	});

	test('a concurrent batch sends its chunks at once (up to the concurrency), output in input order; others one by one', async () => {
		const make = (concurrent: boolean) => {
			let inFlight = 0;
			let most = 0;
			const actions = nodeWith([
				defineOperation({
					value: 'batchWrite',
					name: 'Batch Write',
					action: 'Write in batches',
					description: 'Batch',
					kind: 'write',
					fields: [],
					batch: defineBatch({
						concurrent,
						size: () => 1,
						prepare: (_ctx, i) => i,
						send: async (_ctx, chunk) => {
							most = Math.max(most, ++inFlight);
							// Later chunks answer first: the output must keep input order all the same.
							await sleep(40 - 10 * chunk[0].index);
							inFlight--;
							return chunk.map((c) => ({ index: c.index }));
						},
					}),
				}),
			]);
			return { actions, most: () => most };
		};
		const together = make(true);
		const [out] = await routeItems.call(
			routerContext([0, 1, 2].map(() => item('batchWrite'))),
			together.actions,
			{ concurrency: 2 },
		);
		expect(out.map((o) => o.json)).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
		expect(together.most()).toBe(2);
		const inTurn = make(false);
		await routeItems.call(routerContext([0, 1, 2].map(() => item('batchWrite'))), inTurn.actions, {
			concurrency: 2,
		});
		expect(inTurn.most()).toBe(1);
	});

	test('a batch entry returned as an Error fails that item alone; the others of its chunk succeed', async () => {
		const actions = nodeWith([
			defineOperation({
				value: 'batchWrite',
				name: 'Batch Write',
				action: 'Write in batches',
				description: 'Batch',
				kind: 'write',
				fields: [],
				batch: defineBatch({
					size: () => 3,
					prepare: (_ctx, i) => i,
					send: async (_ctx, chunk) =>
						chunk.map((c) =>
							c.index === 1 ? new Error(`entry ${c.index} refused`) : { index: c.index },
						),
				}),
			}),
		]);
		const kept = routerContext(
			[0, 1, 2].map(() => item('batchWrite')),
			{ continueOnFail: true },
		);
		const [out] = await routeItems.call(kept, actions);
		expect(out.map((o) => [o.pairedItem, o.json])).toEqual([
			[{ item: 0 }, { index: 0 }],
			[{ item: 1 }, expect.objectContaining({ error: expect.stringContaining('entry 1 refused') })],
			[{ item: 2 }, { index: 2 }],
		]);
		// Without Continue On Fail the run stops at that item; the rest of its chunk was applied with it.
		const ctx = routerContext([0, 1, 2].map(() => item('batchWrite')));
		const error = (await routeItems.call(ctx, actions).catch((e) => e)) as {
			message?: string;
			description?: string;
		};
		expect(error.message).toContain('entry 1 refused');
		expect(error.description).toBe(
			'The run stopped at item 1. Items 0, 2 had already succeeded. Item 1 failed.',
		);
	});

	test('a write that names no record runs its items one after the other, in input order', async () => {
		let inFlight = 0;
		let most = 0;
		const order: number[] = [];
		const actions = nodeWith([
			defineOperation({
				value: 'add',
				name: 'Add',
				action: 'Add',
				description: 'Adds',
				kind: 'write',
				fields: [],
				async execute(i) {
					inFlight++;
					most = Math.max(most, inFlight);
					await tick();
					order.push(i);
					inFlight--;
					return { i };
				},
			}),
		]);
		await routeItems.call(routerContext([0, 1, 2, 3, 4, 5].map(() => item('add'))), actions);
		expect(most).toBe(1);
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
	});

	test('a write naming records orders items per record and runs other records beside them', async () => {
		let inFlight = 0;
		let most = 0;
		const order: string[] = [];
		const actions = nodeWith([
			defineOperation({
				value: 'add',
				name: 'Add',
				action: 'Add',
				description: 'Adds',
				kind: 'write',
				records: ['id'],
				fields: [],
				async execute(i) {
					inFlight++;
					most = Math.max(most, inFlight);
					await tick();
					order.push(`${this.getNodeParameter('id', i) as string}${i}`);
					inFlight--;
					return {};
				},
			}),
		]);
		const ids = ['a', 'b', 'a', 'c', 'a'];
		await routeItems.call(routerContext(ids.map((id) => item('add', { id }))), actions);
		expect(most).toBeGreaterThan(1);
		expect(order.filter((o) => o.startsWith('a'))).toEqual(['a0', 'a2', 'a4']);
	});

	test('reads run several items at once', async () => {
		let inFlight = 0;
		let most = 0;
		const actions = nodeWith([
			defineOperation({
				value: 'get',
				name: 'Get',
				action: 'Get',
				description: 'Gets',
				kind: 'read',
				fields: [],
				async execute() {
					inFlight++;
					most = Math.max(most, inFlight);
					await tick();
					inFlight--;
					return {};
				},
			}),
		]);
		await routeItems.call(routerContext([0, 1, 2, 3].map(() => item('get'))), actions);
		expect(most).toBe(4);
	});
});

describe('operation results', () => {
	test('a record whose only field is "json" stays a record', () => {
		expect(toItems({ json: { a: 1 } }, 3)).toEqual([
			{ json: { json: { a: 1 } }, pairedItem: { item: 3 } },
		]);
	});

	test('whole items are passed on only when marked as such', () => {
		const binary = { data: { data: 'x', mimeType: 'text/csv' } };
		expect(toItems(outputItems({ json: { a: 1 }, binary }), 0)).toEqual([
			{ json: { a: 1 }, binary, pairedItem: { item: 0 } },
		]);
	});
});

describe('declarations', () => {
	test('an operation has exactly one of execute and batch', () => {
		expect(() =>
			defineOperation({
				value: 'x',
				name: 'X',
				action: 'X',
				description: 'X',
				kind: 'read',
				fields: [],
			}),
		).toThrow('exactly one of execute and batch');
	});

	test('a resource whose default operation does not exist is refused', () => {
		expect(() =>
			defineResource({
				value: 'r',
				name: 'R',
				description: 'R',
				defaultOperation: 'missing',
				operations: [],
			}),
		).toThrow('no operation "missing"');
	});
});
