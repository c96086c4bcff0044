/**
 * Which webhook events a trigger has already accepted, remembered for a time window rather than a count, in the
 * workflow's static data (which n8n saves after each webhook call and reloads after a restart) and in this
 * process.
 *
 * How n8n 2.41 handles static data around a webhook call: it loads the workflow, with its static data, from the
 * database at the start of each call, lets the node change it, and after the node's webhook method returns
 * writes the whole static data object back (one UPDATE of the workflow row). Two overlapping calls each read the
 * same old value, so the later write drops what the earlier one added.
 *
 * What holds, in one n8n process: every call merges what it reads from the database into a per-process window,
 * and the value it stores serialises that window at the moment n8n writes it (`toJSON`), so whichever write
 * lands last holds every id this process accepted or read until then. Should two UPDATEs still pass each other
 * in the database, the next call of this process writes the missing ids back.
 *
 * What does not hold, across processes (queue mode with several webhook processors, each reading and writing
 * the same row): an id one process stored can be overwritten by another process's overlapping write until the
 * first process's next call writes it back; a retry reaching the other process in between, or after the first
 * process stopped, runs again. Copies of one event arriving at the same instant on two processes each run: there
 * is no lock shared between processes.
 */

export const HOUR_MS = 3_600_000;
/** How long ids are kept when the trigger puts no age limit on events. */
export const DEFAULT_RETENTION_MS = 72 * HOUR_MS;

/**
 * The stored form: ids grouped by the hour (since the epoch, UTC) in which they were first accepted, each group
 * one string of ids separated by a space; about the id's own length plus one byte per id.
 */
export interface StoredWindow {
	v: 1;
	h: Record<string, string>;
}

const SEPARATOR = ' ';

/** An id as a token without the separator: ids holding a space or `%` are percent-encoded, all others kept. */
export function encodeId(id: string): string {
	return id.includes(SEPARATOR) || id.includes('%') ? encodeURIComponent(id) : id;
}

/** The id of a token; only encoded tokens contain `%`. */
export function decodeToken(token: string): string {
	if (!token.includes('%')) return token;
	try {
		return decodeURIComponent(token);
	} catch {
		return token; // not written by encodeId: keep it as it is
	}
}

const isStored = (value: unknown): value is StoredWindow =>
	typeof value === 'object' &&
	value !== null &&
	(value as StoredWindow).v === 1 &&
	typeof (value as StoredWindow).h === 'object' &&
	(value as StoredWindow).h !== null;

/** The ids of a window, by hour. */
export class SeenWindow {
	private readonly hourOf = new Map<string, number>();
	private readonly ids = new Map<number, Set<string>>();
	/** The stored text last merged or written per hour: an unchanged group is not split again. */
	private readonly text = new Map<number, string>();
	retentionMs = DEFAULT_RETENTION_MS;
	/** The latest time the window was pruned at: a save does not prune beyond the call that claimed. */
	private lastNow = 0;

	get size(): number {
		return this.hourOf.size;
	}

	has(id: string): boolean {
		return this.hourOf.has(id);
	}

	/** Adds an id in the hour of `now`; false when it was already there. */
	add(id: string, now: number): boolean {
		return this.addAt(id, Math.floor(now / HOUR_MS));
	}

	private addAt(id: string, hour: number): boolean {
		if (this.hourOf.has(id)) return false;
		this.hourOf.set(id, hour);
		let group = this.ids.get(hour);
		if (!group) {
			group = new Set();
			this.ids.set(hour, group);
		}
		group.add(id);
		this.text.delete(hour);
		return true;
	}

	/**
	 * Adds what a save stored: this window's form, a live value of a previous call (as an engine that keeps
	 * static data in memory hands back), or a plain list of ids (the count-bounded list of earlier versions,
	 * counted from the hour of `now`). Anything else is ignored.
	 */
	merge(stored: unknown, now: number): void {
		const value =
			typeof stored === 'object' &&
			stored !== null &&
			typeof (stored as { toJSON?: unknown }).toJSON === 'function'
				? (stored as { toJSON: () => unknown }).toJSON()
				: stored;
		if (Array.isArray(value)) {
			const hour = Math.floor(now / HOUR_MS);
			for (const id of value)
				if (typeof id === 'string' || typeof id === 'number') this.addAt(String(id), hour);
			return;
		}
		if (!isStored(value)) return;
		for (const [key, joined] of Object.entries(value.h)) {
			const hour = Number(key);
			if (!Number.isInteger(hour) || typeof joined !== 'string') continue;
			if (this.text.get(hour) === joined) continue;
			for (const token of joined.split(SEPARATOR)) if (token) this.addAt(decodeToken(token), hour);
			if (!this.text.has(hour) && this.ids.get(hour)?.size === countTokens(joined))
				this.text.set(hour, joined);
		}
	}

	/** Forgets the hours that ended more than the retention ago: each id is kept at least that long. */
	prune(now: number): void {
		this.lastNow = Math.max(this.lastNow, now);
		for (const [hour, group] of this.ids) {
			if ((hour + 1) * HOUR_MS + this.retentionMs > now) continue;
			for (const id of group) this.hourOf.delete(id);
			this.ids.delete(hour);
			this.text.delete(hour);
		}
	}

	/** The stored form of what the window holds now, pruned. */
	toStored(now = this.lastNow): StoredWindow {
		this.prune(now);
		const h: Record<string, string> = {};
		for (const hour of [...this.ids.keys()].sort((a, b) => a - b)) {
			let joined = this.text.get(hour);
			if (joined === undefined) {
				joined = [...(this.ids.get(hour) as Set<string>)].map(encodeId).join(SEPARATOR);
				this.text.set(hour, joined);
			}
			h[String(hour)] = joined;
		}
		return { v: 1, h };
	}

	/** A value for static data that n8n serialises when it saves: the window as it is at that moment. */
	live(): { toJSON: () => StoredWindow } {
		return { toJSON: () => this.toStored() };
	}
}

function countTokens(joined: string): number {
	let count = 0;
	for (const token of joined.split(SEPARATOR)) if (token) count++;
	return count;
}

/** One window per workflow and trigger node in this process. */
const windows = new Map<string, SeenWindow>();

export function windowFor(key: string): SeenWindow {
	let window = windows.get(key);
	if (!window) {
		window = new SeenWindow();
		windows.set(key, window);
	}
	return window;
}

/** Forgets this process's windows (what a restart does). */
export function forgetWindows(): void {
	windows.clear();
}

export interface ClaimOptions {
	/** Names the window: the workflow and node. */
	key: string;
	/** How long each id is remembered. */
	retentionMs: number;
	/** The static data field holding the window. */
	field?: string;
	/** An older field holding a plain list of ids, merged once and then removed. */
	legacyField?: string;
	now?: number;
}

/**
 * Claims an event id for one run: false when this process or the stored window already had it. Synchronous
 * from reading the static data to the claim, so of concurrent copies in this process exactly one is claimed.
 */
export function claimEvent(
	staticData: Record<string, unknown>,
	id: string,
	{ key, retentionMs, field = 'events', legacyField, now = Date.now() }: ClaimOptions,
): boolean {
	const window = windowFor(key);
	window.retentionMs = retentionMs;
	window.merge(staticData[field], now);
	if (legacyField && staticData[legacyField] !== undefined) {
		window.merge(staticData[legacyField], now);
		delete staticData[legacyField];
	}
	window.prune(now);
	if (!window.add(id, now)) return false;
	// Assigned on every claim: it marks the static data changed, so n8n saves it after this call.
	staticData[field] = window.live();
	return true;
}
