import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import {
	changeKeyOf,
	newestFirst,
	pollOnce,
	type PollSource,
	type PollState,
} from '../../nodes/shared/polling/polling';

/** The parts of a poll context pollOnce reads in a scheduled poll: its mode, the node's static data, the node. */
function pollContext(state: PollState): IPollFunctions {
	return {
		getMode: () => 'trigger',
		getWorkflowStaticData: () => state,
		getNode: () => ({
			id: 'p',
			name: 'Poll',
			type: 'p',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	} as unknown as IPollFunctions;
}

/** A provider holding records `{id, at}`; fetchSince answers those at or after `since`, and can be made to fail. */
function provider(records: IDataObject[]) {
	const asked: string[] = [];
	let failing = false;
	const source: PollSource = {
		async fetchSince(since) {
			asked.push(since.toISOString());
			if (failing) throw new Error('page 2 failed');
			return records.filter((r) => Date.parse(String(r.at)) >= since.getTime());
		},
		async fetchLatest() {
			return records.slice(-5);
		},
		timeOf: (r) => String(r.at),
		keyOf: (r) => String(r.id),
		overlapMs: 60_000,
		async toItems(fresh): Promise<INodeExecutionData[]> {
			return fresh.map((json) => ({ json }));
		},
	};
	return { source, asked, fail: (on: boolean) => (failing = on) };
}

const ids = (out: INodeExecutionData[][] | null) => (out ? out[0].map((i) => i.json.id) : []);

describe('polling', () => {
	test('from Start From: each record once, oldest first; a record late inside the overlap still comes once', async () => {
		const records: IDataObject[] = [
			{ id: 'b', at: '2026-11-01T10:02:00Z' },
			{ id: 'a', at: '2026-11-01T10:01:00Z' },
		];
		const { source } = provider(records);
		const state: PollState = {};
		const ctx = pollContext(state);
		expect(ids(await pollOnce(ctx, source, { startFrom: '2026-11-01T10:00:00Z' }))).toEqual([
			'a',
			'b',
		]);
		expect(state.mark).toBe('2026-11-01T10:02:00.000Z');
		expect(await pollOnce(ctx, source)).toBeNull();
		// Same instant as the mark, and 30 s below it (inside the overlap): both new, both once.
		records.push({ id: 'c', at: '2026-11-01T10:02:00Z' }, { id: 'd', at: '2026-11-01T10:01:30Z' });
		expect(ids(await pollOnce(ctx, source))).toEqual(['d', 'c']);
		expect(await pollOnce(ctx, source)).toBeNull();
	});

	test('a failed poll moves nothing: the next one asks again from the same place', async () => {
		const records: IDataObject[] = [{ id: 'a', at: '2026-11-01T10:01:00Z' }];
		const { source, asked, fail } = provider(records);
		const state: PollState = {};
		const ctx = pollContext(state);
		await pollOnce(ctx, source, { startFrom: '2026-11-01T10:00:00Z' });
		const before = JSON.stringify(state);
		records.push({ id: 'b', at: '2026-11-01T10:05:00Z' });
		fail(true);
		await expect(pollOnce(ctx, source)).rejects.toThrow('page 2 failed');
		expect(JSON.stringify(state)).toBe(before);
		fail(false);
		expect(ids(await pollOnce(ctx, source))).toEqual(['b']);
		expect(asked.slice(-2)).toEqual([asked[asked.length - 1], asked[asked.length - 1]]);
	});

	test('without Start From the first poll delivers no history, and marks what exists as seen', async () => {
		const now = Date.now();
		const records: IDataObject[] = [{ id: 'old', at: new Date(now - 10_000).toISOString() }];
		const { source } = provider(records);
		const state: PollState = {};
		expect(await pollOnce(pollContext(state), source)).toBeNull();
		expect(state.seen).toEqual(['old']);
		expect(await pollOnce(pollContext(state), source)).toBeNull();
	});

	test('a Start From that is no date is an error naming the field', async () => {
		const { source } = provider([]);
		await expect(pollOnce(pollContext({}), source, { startFrom: 'yesterday' })).rejects.toThrow(
			'Start From must be a date-time, got "yesterday"',
		);
	});
});

describe('change keys and the newest records', () => {
	const timeOf = (r: IDataObject) => String(r.updated ?? r.created ?? '');

	test('a record changed in place has a new key at each change', () => {
		const keyOf = changeKeyOf(timeOf);
		expect(keyOf({ id: 7, created: '2026-11-01T10:00:00Z' })).toBe('7@2026-11-01T10:00:00Z');
		expect(keyOf({ id: 7, created: '2026-11-01T10:00:00Z', updated: '2026-11-02T08:00:00Z' })).toBe(
			'7@2026-11-02T08:00:00Z',
		);
	});

	test('newest first by the change time, a never-updated record by its creation, then cut to the count', () => {
		const records: IDataObject[] = [
			{ id: 'a', updated: '2026-11-01T10:00:00Z' },
			{ id: 'b', created: '2026-11-03T10:00:00Z' },
			{ id: 'c', updated: '2026-11-02T10:00:00+02:00' },
			{ id: 'd' },
		];
		expect(newestFirst(records, timeOf, 3).map((r) => r.id)).toEqual(['b', 'c', 'a']);
		expect(records.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
	});
});
