import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Where each input item got to. `queued`: waiting for its batch, not sent yet. `unconfirmed`: its batch failed
 * without a confirmation, so it may or may not have been applied.
 */
export type ItemState = 'not sent' | 'queued' | 'done' | 'failed' | 'unconfirmed';

/** Item indexes as ranges: 0-3, 5, 7-8. */
export function ranges(indexes: number[]): string {
	const parts: string[] = [];
	for (let k = 0; k < indexes.length; k++) {
		let end = k;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		parts.push(end > k ? `${indexes[k]}-${indexes[end]}` : String(indexes[k]));
		k = end;
	}
	return parts.join(', ');
}

/**
 * The stop report, read from the item states alone: exactly which items were applied, which failed and
 * which were never sent. Batch wording when the run stopped in a batch (a failed batch is not confirmed
 * as applied, rather than known not to be).
 */
export function stopReport(states: ItemState[], stoppedAt: number): string {
	const of = (...wanted: ItemState[]) => states.flatMap((s, i) => (wanted.includes(s) ? [i] : []));
	const batch = states[stoppedAt] === 'unconfirmed';
	const verb = batch ? 'been applied' : 'succeeded';
	const list = (indexes: number[]) =>
		`${indexes.length === 1 ? 'Item' : 'Items'} ${ranges(indexes)}`;
	const applied = of('done');
	const failed = of('failed', 'unconfirmed');
	const notSent = of('not sent', 'queued');
	const parts = [`The run stopped at item ${stoppedAt}.`];
	parts.push(applied.length ? `${list(applied)} had already ${verb}.` : `No item had ${verb}.`);
	if (failed.length)
		parts.push(`${list(failed)} failed${batch ? ': not confirmed as applied' : ''}.`);
	if (notSent.length)
		parts.push(`${list(notSent)} ${notSent.length === 1 ? 'was' : 'were'} never sent.`);
	return parts.join(' ');
}

/** Adds the stop report to the error that stops the run (a run of one item needs none). */
export function explainStop(
	error: NodeApiError | NodeOperationError,
	states: ItemState[],
	stoppedAt: number,
): void {
	if (states.length <= 1) return;
	error.description = [error.description, stopReport(states, stoppedAt)].filter(Boolean).join(' ');
}
