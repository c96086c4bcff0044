import {
	claimEvent,
	decodeToken,
	DEFAULT_RETENTION_MS,
	encodeId,
	forgetWindows,
	HOUR_MS,
	SeenWindow,
	type StoredWindow,
} from '../../nodes/shared/webhook/dedupe';

const T0 = Date.UTC(2026, 0, 10, 12, 30);
/** What n8n does when it saves static data: serialises it, and the next call reads the plain JSON back. */
const saved = (data: Record<string, unknown>) => JSON.parse(JSON.stringify(data));
const idsIn = (stored: StoredWindow) =>
	Object.values(stored.h)
		.flatMap((joined) => joined.split(' '))
		.map(decodeToken);

beforeEach(() => forgetWindows());

describe('encoding', () => {
	test('ids with a space or % are percent-encoded; every id comes back as it was', () => {
		for (const id of ['evt_1', '42', 'a b', '100%', 'a%20b', 'é ü', '%', ' ']) {
			const token = encodeId(id);
			expect(token).not.toContain(' ');
			expect(decodeToken(token)).toBe(id);
		}
		expect(encodeId('evt_123')).toBe('evt_123');
		expect(encodeId('a b')).toBe('a%20b');
		expect(encodeId('a%20b')).toBe('a%2520b');
	});

	test('30,000 ids are stored grouped by hour, about the id length plus one byte each', () => {
		const window = new SeenWindow();
		const ids = Array.from({ length: 30_000 }, (_, n) => `evt_${100000 + n}`);
		ids.forEach((id, n) => window.add(id, T0 + Math.floor((n / 30_000) * 71 * HOUR_MS)));
		const stored = window.toStored(T0 + 71 * HOUR_MS);
		expect(Object.keys(stored.h)).toHaveLength(72);
		const bytes = Buffer.byteLength(JSON.stringify(stored));
		// 10 bytes per id plus one separator; the hour keys and quotes add under 1 byte per id here.
		expect(bytes / ids.length).toBeGreaterThanOrEqual(11);
		expect(bytes / ids.length).toBeLessThan(11.5);
		expect(idsIn(stored).sort()).toEqual([...ids].sort());
	});
});

describe('pruning by age', () => {
	test('an id is kept at least the retention after it arrived, and dropped within an hour after that', () => {
		const window = new SeenWindow();
		window.retentionMs = 2 * HOUR_MS;
		window.add('early', T0);
		window.prune(T0 + 2 * HOUR_MS);
		expect(window.has('early')).toBe(true);
		// T0 is 12:30, its hour ends at 13:00; kept until 15:00.
		window.prune(T0 + 2 * HOUR_MS + 29 * 60_000);
		expect(window.has('early')).toBe(true);
		window.prune(T0 + 2 * HOUR_MS + 30 * 60_000);
		expect(window.has('early')).toBe(false);
		expect(window.size).toBe(0);
	});

	test('the default retention is 72 hours; the stored form loses the expired hours', () => {
		expect(DEFAULT_RETENTION_MS).toBe(72 * HOUR_MS);
		const window = new SeenWindow();
		window.add('old', T0);
		window.add('new', T0 + 50 * HOUR_MS);
		expect(idsIn(window.toStored(T0 + 72 * HOUR_MS)).sort()).toEqual(['new', 'old']);
		expect(idsIn(window.toStored(T0 + 73 * HOUR_MS))).toEqual(['new']);
	});

	test('a claim prunes with the retention it is given', () => {
		const data: Record<string, unknown> = {};
		const options = { key: 'w:n', retentionMs: HOUR_MS };
		expect(claimEvent(data, 'a', { ...options, now: T0 })).toBe(true);
		expect(claimEvent(data, 'a', { ...options, now: T0 + HOUR_MS })).toBe(false);
		expect(claimEvent(data, 'a', { ...options, now: T0 + 2 * HOUR_MS })).toBe(true);
	});
});

describe('merge', () => {
	test('overlapping calls that each read the same old static data: the last save holds every id', () => {
		const options = { key: 'wf1:Trigger', retentionMs: DEFAULT_RETENTION_MS, now: T0 };
		const before = saved({ events: undefined });
		// Three calls load the same stored value, as overlapping webhook calls do; each claims its own event.
		const a = saved(before);
		const b = saved(before);
		const c = saved(before);
		expect(claimEvent(a, 'evt_a', options)).toBe(true);
		expect(claimEvent(b, 'evt_b', options)).toBe(true);
		expect(claimEvent(c, 'evt_c', options)).toBe(true);
		// n8n serialises each when it writes: the writes land in any order, and even the first call's holds all.
		for (const data of [c, a, b])
			expect(idsIn(saved(data).events).sort()).toEqual(['evt_a', 'evt_b', 'evt_c']);
	});

	test('after a restart the window is read back from the static data: replays are refused', () => {
		const options = { key: 'wf1:Trigger', retentionMs: DEFAULT_RETENTION_MS, now: T0 };
		let data: Record<string, unknown> = {};
		for (let n = 0; n < 1500; n++) {
			expect(claimEvent(data, `evt_${n}`, options)).toBe(true);
			data = saved(data);
		}
		forgetWindows();
		for (const n of [0, 1, 700, 1499])
			expect(claimEvent(saved(data), `evt_${n}`, options)).toBe(false);
		expect(claimEvent(saved(data), 'evt_1500', options)).toBe(true);
	});

	test('ids another process stored are merged in, and kept in the next save', () => {
		const options = { key: 'wf1:Trigger', retentionMs: DEFAULT_RETENTION_MS, now: T0 };
		const other = new SeenWindow();
		other.add('evt_other', T0);
		const data: Record<string, unknown> = { events: other.toStored(T0) };
		expect(claimEvent(data, 'evt_other', options)).toBe(false);
		expect(claimEvent(data, 'evt_mine', options)).toBe(true);
		expect(idsIn(saved(data).events).sort()).toEqual(['evt_mine', 'evt_other']);
	});

	test('the list of earlier versions is merged once and removed; what is not a window is ignored', () => {
		const options = {
			key: 'wf1:Trigger',
			retentionMs: DEFAULT_RETENTION_MS,
			now: T0,
			legacyField: 'seen',
		};
		const data: Record<string, unknown> = { seen: ['evt_1', 2], webhookIds: { x: 1 } };
		expect(claimEvent(data, 'evt_3', options)).toBe(true);
		expect(data.seen).toBeUndefined();
		expect(data.webhookIds).toEqual({ x: 1 });
		expect(claimEvent(data, 'evt_1', options)).toBe(false);
		expect(claimEvent(data, '2', options)).toBe(false);
		expect(idsIn(saved(data).events).sort()).toEqual(['2', 'evt_1', 'evt_3']);

		forgetWindows();
		const window = new SeenWindow();
		for (const junk of [null, 'x', 3, { v: 2, h: {} }, { v: 1, h: { nope: 'a', 5: 7 } }])
			window.merge(junk, T0);
		expect(window.size).toBe(0);
	});

	test('windows are per workflow and node', () => {
		const options = { retentionMs: DEFAULT_RETENTION_MS, now: T0 };
		expect(claimEvent({}, 'evt', { ...options, key: 'wf1:A' })).toBe(true);
		expect(claimEvent({}, 'evt', { ...options, key: 'wf1:B' })).toBe(true);
		expect(claimEvent({}, 'evt', { ...options, key: 'wf1:A' })).toBe(false);
	});
});
