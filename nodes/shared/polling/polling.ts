import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Exactly-once polling for providers that send no webhooks. The node's static data (which n8n saves after each
 * poll of an active workflow) keeps a high-water mark, the newest record time delivered, and the IDs of the
 * records delivered within the overlap window below it. Each poll asks the provider for everything changed
 * since `mark - overlap`, drops what it already delivered, emits the rest oldest first, and only then moves
 * the mark: a poll that fails moves nothing, so the next one asks again and nothing is lost; records that
 * share the mark's timestamp, or that show up late inside the window, are neither lost nor repeated.
 */
export interface PollState {
	/** ISO time of the newest record delivered (or of activation, before the first record). */
	mark?: string;
	/** IDs delivered whose time is within the overlap window below the mark. */
	seen?: string[];
}

export interface PollSource {
	/**
	 * Every record changed at or after `since` (all pages; throw on any failure, never return a partial list).
	 * `seen` holds the keys already delivered: a source may answer those with a stub carrying only what
	 * timeOf and keyOf read, instead of asking the provider again.
	 */
	fetchSince(since: Date, seen: ReadonlySet<string>): Promise<IDataObject[]>;
	/** The latest few records, for a manual test ("Fetch Test Event"). */
	fetchLatest(count: number): Promise<IDataObject[]>;
	/** The record's change time (ISO string or anything Date parses). */
	timeOf(record: IDataObject): string;
	/** A stable identity for the record and its change, e.g. `${id}@${updated_at}`. */
	keyOf(record: IDataObject): string;
	/** How far below the mark each poll looks again (late or same-instant records). */
	overlapMs: number;
	/** Turns the records to deliver into output items (e.g. with a file attached); JSON items if absent. */
	toItems?(records: IDataObject[]): Promise<INodeExecutionData[]>;
}

/** The poll option every polling trigger shares: where a newly activated workflow starts from. */
export const startFromOption: INodeProperties = {
	displayName: 'Start From',
	name: 'startFrom',
	type: 'dateTime',
	default: '',
	description:
		'Deliver records changed since this time on the first poll after activation. Empty: start from the moment the workflow is activated (no history).',
};

/** The Event selector of a polling trigger. */
export function eventProperty(
	events: Array<{ name: string; value: string }>,
	defaultValue: string,
	what: string,
): INodeProperties {
	return {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: events,
		default: defaultValue,
		description: `What starts the workflow. Each ${what} is delivered once, oldest first.`,
	};
}

/** The Options collection of a polling trigger: Start From, and any trigger-specific options. */
export function pollOptionsProperty(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [startFromOption, ...extra],
	};
}

/** A change's key for records with an `id` that are changed in place: the id at its change time. */
export const changeKeyOf =
	(timeOf: (record: IDataObject) => string) =>
	(record: IDataObject): string =>
		`${String(record.id)}@${timeOf(record)}`;

/** The `count` records changed last, newest first, by `timeOf` (for a source with no sorted list). */
export function newestFirst(
	records: IDataObject[],
	timeOf: (record: IDataObject) => string,
	count: number,
): IDataObject[] {
	const at = (r: IDataObject) => Date.parse(timeOf(r)) || 0;
	return [...records].sort((a, b) => at(b) - at(a)).slice(0, count);
}

function time(source: PollSource, record: IDataObject): number {
	const t = Date.parse(source.timeOf(record));
	return Number.isNaN(t) ? 0 : t;
}

/** One poll: the records to emit (null when there are none), with the state moved only on success. */
export async function pollOnce(
	ctx: IPollFunctions,
	source: PollSource,
	{ startFrom = '' }: { startFrom?: string } = {},
): Promise<INodeExecutionData[][] | null> {
	if (ctx.getMode() === 'manual') {
		// A manual test shows the latest records and leaves the mark where it is.
		const latest = await source.fetchLatest(5);
		return latest.length ? [ctx.helpers.returnJsonArray(latest)] : null;
	}
	const state = ctx.getWorkflowStaticData('node') as PollState;
	let mark: number;
	let floor: number;
	if (state.mark) {
		mark = Date.parse(state.mark);
		floor = mark - source.overlapMs;
	} else {
		startFrom = String(startFrom ?? '').trim();
		if (!startFrom) {
			// Start from now: what already exists inside the overlap window is marked seen, so that providers
			// with coarse times (a transaction's day) do not deliver today's history on the next poll.
			const now = Date.now();
			const existing = await source.fetchSince(new Date(now - source.overlapMs), new Set());
			state.seen = existing
				.filter((r) => time(source, r) >= now - source.overlapMs)
				.map((r) => source.keyOf(r));
			state.mark = new Date(now).toISOString();
			return null;
		}
		mark = Date.parse(startFrom);
		if (Number.isNaN(mark))
			throw new NodeOperationError(
				ctx.getNode(),
				`Start From must be a date-time, got "${startFrom}"`,
			);
		// The first poll after Start From delivers what changed since then, not the overlap before it.
		floor = mark;
	}
	const seen = new Set(state.mark ? (state.seen ?? []) : []);
	const records = await source.fetchSince(new Date(floor), seen);
	const fresh = records
		.filter((r) => time(source, r) >= floor && !seen.has(source.keyOf(r)))
		.sort((a, b) => time(source, a) - time(source, b));
	const items = fresh.length
		? source.toItems
			? await source.toItems(fresh)
			: ctx.helpers.returnJsonArray(fresh)
		: [];
	// Only now, with every page fetched (and every file downloaded), does the state move; a poll that threw
	// above left it untouched. Every record at or above the new window was in this answer (it asked from below
	// the old window), so the kept keys are exactly those.
	const newMark = fresh.reduce((m, r) => Math.max(m, time(source, r)), mark);
	const window = newMark - source.overlapMs;
	state.seen = records.filter((r) => time(source, r) >= window).map((r) => source.keyOf(r));
	state.mark = new Date(newMark).toISOString();
	return items.length ? [items] : null;
}
