import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Polling for providers that publish one file per past day whose content keeps growing after the day ends
 * (rows reported late, into a day the provider does not name). The high-water mark of polling.ts does not fit:
 * which files to read is set by the calendar, not by the newest row delivered. Each poll re-reads every day
 * of a window ending yesterday (UTC), delivers the rows it has not delivered before, and remembers what it
 * delivered per day: a row late by up to the window is delivered once, a row read again is not. The memory is
 * bounded: the keys of a day are forgotten once the day leaves the window (it is never read again). State moves
 * only after every day was read: a poll that fails delivers nothing and changes nothing.
 */
export interface DaysState {
	/** ISO time the trigger started delivering (activation, or Start From). */
	started?: string;
	/** For a Start From older than the window: the next old day to read once (YYYY-MM-DD). */
	catchUp?: string;
	/** Per day (YYYY-MM-DD): hashes of the row keys last seen in that day's file. */
	seen?: Record<string, string[]>;
}

export interface DaySource {
	/** Every row of one day's file (throw on any failure, never return part of a file). */
	readDay(day: string): Promise<IDataObject[]>;
	/** A row's identity, stable across re-reads of the file. */
	keyOf(row: IDataObject): string;
	/** Output items for the rows to deliver, in order; each row carries the day it was read from. */
	toItems?(rows: Array<{ day: string; row: IDataObject }>): INodeExecutionData[];
}

export interface DaysOptions {
	/** How many past days each poll reads again, ending yesterday. */
	windowDays: number;
	/** Deliver rows already in the files of days from this date on; empty: only rows that appear later. */
	startFrom?: string;
	/** Days older than the window read per poll when catching up from an old Start From. */
	maxCatchUpDays?: number;
	/** For tests of the calendar: the current time. */
	now?: number;
}

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** 64 bits of SHA-256: a short key keeps the saved state small; a collision among a window's rows is negligible. */
const hash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

function daysBetween(first: string, last: string): string[] {
	const out: string[] = [];
	for (let t = midnight(first); t <= midnight(last); t += DAY) out.push(dayOf(t));
	return out;
}

/** One poll: the rows to emit (null when there are none); the state is saved only after every day was read. */
export async function pollDays(
	ctx: IPollFunctions,
	source: DaySource,
	options: DaysOptions,
): Promise<INodeExecutionData[][] | null> {
	const windowDays = Math.floor(options.windowDays);
	if (!Number.isFinite(windowDays) || windowDays < 1)
		throw new NodeOperationError(
			ctx.getNode(),
			`Days to Re-Read must be a whole number of at least 1, got ${String(options.windowDays)}`,
		);
	const now = options.now ?? Date.now();
	const yesterday = dayOf(now - DAY);
	const windowStart = dayOf(midnight(yesterday) - (windowDays - 1) * DAY);
	const toItems =
		source.toItems ??
		((rows: Array<{ day: string; row: IDataObject }>) =>
			ctx.helpers.returnJsonArray(rows.map((r) => r.row)));

	if (ctx.getMode() === 'manual') {
		// A manual test shows the latest rows and leaves the state as it is.
		for (const day of daysBetween(windowStart, yesterday).reverse()) {
			const rows = await source.readDay(day);
			if (rows.length) return [toItems(rows.slice(-5).map((row) => ({ day, row })))];
		}
		return null;
	}

	const state = ctx.getWorkflowStaticData('node') as DaysState;
	const first = !state.started;
	let deliverFrom: string | undefined;
	let catchUp = state.catchUp;
	if (first) {
		const startFrom = String(options.startFrom ?? '').trim();
		if (startFrom) {
			const t = Date.parse(startFrom);
			if (Number.isNaN(t))
				throw new NodeOperationError(
					ctx.getNode(),
					`Start From must be a date-time, got "${startFrom}"`,
				);
			deliverFrom = dayOf(t);
			if (deliverFrom < windowStart) catchUp = deliverFrom;
		}
	}
	// Days older than the window, read once each while catching up from an old Start From.
	const old: string[] = [];
	if (catchUp && catchUp < windowStart) {
		const last = dayOf(midnight(windowStart) - DAY);
		const all = daysBetween(catchUp, last);
		old.push(...all.slice(0, options.maxCatchUpDays ?? 31));
	}
	const days = [...old, ...daysBetween(windowStart, yesterday)];

	const lastSeen = new Map<string, string>();
	for (const [day, keys] of Object.entries(state.seen ?? {}))
		for (const key of keys)
			if (!lastSeen.has(key) || day > lastSeen.get(key)!) lastSeen.set(key, day);
	const fresh: Array<{ day: string; row: IDataObject }> = [];
	for (const day of days) {
		const rows = await source.readDay(day);
		for (const row of rows) {
			const key = hash(source.keyOf(row));
			const known = lastSeen.has(key);
			// On the first poll without Start From, what the files already hold is history: remembered, not delivered.
			const deliver = !known && (!first || (deliverFrom !== undefined && day >= deliverFrom));
			if (deliver) fresh.push({ day, row });
			if (!known || day > lastSeen.get(key)!) lastSeen.set(key, day);
		}
	}
	const items = fresh.length ? toItems(fresh) : [];

	// Every day was read: only now does the state move. Keys whose latest day left the window are forgotten.
	const seen: Record<string, string[]> = {};
	for (const [key, day] of lastSeen) if (day >= windowStart) (seen[day] ??= []).push(key);
	state.seen = Object.fromEntries(Object.entries(seen).sort(([a], [b]) => (a < b ? -1 : 1)));
	state.started ??= new Date(now).toISOString();
	const nextOld = old.length ? dayOf(midnight(old[old.length - 1]) + DAY) : undefined;
	if (nextOld && nextOld < windowStart) state.catchUp = nextOld;
	else delete state.catchUp;
	return items.length ? [items] : null;
}
