import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { ASSUMED, loyalifeRequest, PATHS } from '../../transport';

/** What transactions/poll-batch-status answers: a summary and one result per queued transaction. */
export interface BatchStatus {
	batch_id?: string;
	summary?: {
		total?: number;
		success?: number;
		failed?: number;
		pending?: number;
		on_hold?: number;
		partial_hold?: number;
	};
	results?: Array<{
		request_id?: string;
		status?: string;
		points?: number;
		message?: string;
		error?: string;
	}>;
}

/** One poll of a batch (its query parameters are not public: ASSUMED.batchPoll). */
export async function pollBatch(
	ctx: IExecuteFunctions,
	i: number,
	batchId: string,
): Promise<BatchStatus> {
	const { data } = await loyalifeRequest<BatchStatus>(ctx, i, 'GET', PATHS.pollBatchStatus, {
		qs: { [ASSUMED.batchPoll.query]: batchId },
		program: ASSUMED.batchPoll.sendsProgram,
	});
	return data ?? {};
}

/** Whether the answer still has work pending: summary.pending above 0, or (no summary) a PENDING result. */
export function stillPending(status: BatchStatus): boolean {
	if (status.summary && status.summary.pending !== undefined)
		return Number(status.summary.pending) > 0;
	return (status.results ?? []).some((r) => r.status === 'PENDING');
}

/**
 * Polls until nothing is pending (summary.pending 0, or no PENDING result) or `maxWaitMs` has passed, with exponential backoff
 * as the page asks (0.5 s, doubling, at most 30 s apart). Returns the last answer.
 */
export async function waitForBatch(
	ctx: IExecuteFunctions,
	i: number,
	batchId: string,
	maxWaitMs: number,
): Promise<{ status: BatchStatus; waitedMs: number }> {
	const started = Date.now();
	let delay = 500;
	for (;;) {
		await sleep(Math.min(delay, Math.max(0, started + maxWaitMs - Date.now())));
		const status = await pollBatch(ctx, i, batchId);
		const waitedMs = Date.now() - started;
		if (!stillPending(status) || waitedMs >= maxWaitMs) return { status, waitedMs };
		delay = Math.min(delay * 2, 30_000);
	}
}

/** The item's outcome words for each documented status (SUCCESS, FAILED, ON HOLD, PARTIAL HOLD, PENDING). */
export const OUTCOME: Record<string, string> = {
	SUCCESS: 'applied',
	FAILED: 'failed',
	'ON HOLD': 'on hold',
	'PARTIAL HOLD': 'partially held',
	PENDING: 'pending',
};

export type { IDataObject };
