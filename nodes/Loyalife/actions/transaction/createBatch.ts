import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { defineBatch, defineOperation } from '../../../shared/execution/operation';
import { loyalifeRequest, PAGES, PATHS, settingsOf } from '../../transport';
import { transactionBody, transactionFields } from './body';
import { OUTCOME, stillPending, waitForBatch } from './batchStatus';

/** The page keeps batches under 100 and says a limit of 100 may be enforced. */
const MAX_BATCH = 100;

interface BatchAnswer {
	batch_id?: string;
	message?: string;
	total_transactions?: number;
	transactions?: Array<{ transaction_id?: string; request_id?: string; transaction_type?: string }>;
}

export default defineOperation({
	value: 'createBatch',
	name: 'Create Batch',
	action: 'Create transactions in batches',
	description:
		'Record every input item as a transaction, 100 per request with idempotency keys, and wait for each outcome',
	kind: 'write',
	fields: [
		{
			displayName:
				'Every input item becomes one transaction, sent in batches of up to 100 with its idempotency key. Loyalife processes a batch later: with Wait for Outcome each item gets its own result (applied, on hold, or failed with the reason) when Loyalife answers the batch with a request ID per transaction (the answer of snapshot B of its page, ErrorCode 001). With the answer of snapshot A (ErrorCode 000, no request IDs), a batch of several items gets one result per item only when nothing failed, was held or is pending; otherwise each item is output as submitted with the batch summary.',
			name: 'batchNotice',
			type: 'notice',
			default: '',
		},
		...transactionFields({ batch: true }),
		{
			displayName: 'Wait for Outcome',
			name: 'waitForOutcome',
			type: 'boolean',
			default: true,
			description:
				'Whether to poll the batch status until every transaction is processed, failing the items Loyalife refused. Off: each item is output as queued with its batch and request IDs.',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			default: 120,
			typeOptions: { minValue: 1, maxValue: 3600 },
			displayOptions: { show: { waitForOutcome: [true] } },
			description:
				'How long to poll a batch; transactions still pending then are output as pending, to check later with Get Batch Status',
		},
		{
			displayName: 'Program Enforces Idempotency Keys',
			name: 'keysEnforced',
			type: 'boolean',
			default: false,
			description:
				'Whether your program rejects a repeated _xoxo_api_client_idempotency (Loyalife says this is program-dependent: ask your Xoxoday contact). On: a batch whose answer was lost is sent again with the same keys. Off: it is not resent, and its items are reported unconfirmed.',
		},
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1, maxValue: MAX_BATCH },
			description: 'Transactions per request (at most 100)',
		},
	],
	// transactions/insert-transaction-v2: an array, each transaction with its own _xoxo_api_client_idempotency;
	// 202 with ErrorCode 000 or 001 (both success), a batch_id and, in snapshot B of the page, one request_id per
	// transaction, which transactions/poll-batch-status reports on.
	batch: defineBatch<IDataObject>({
		// Each chunk is polled until processed: chunks wait at the same time, so the whole run waits about
		// one Max Wait, not one per chunk.
		concurrent: true,
		size(ctx, first) {
			return Math.min(
				MAX_BATCH,
				Math.max(1, (ctx.getNodeParameter('batchSize', first, MAX_BATCH) as number) || MAX_BATCH),
			);
		},
		async prepare(ctx, i) {
			const { programId, timeZone } = await settingsOf(ctx);
			return transactionBody(ctx, i, programId, { batch: true, timeZone });
		},
		async send(ctx, chunk) {
			const first = chunk[0].index;
			const { data } = await loyalifeRequest<BatchAnswer>(
				ctx,
				first,
				'POST',
				PATHS.insertTransactionBatch,
				{
					body: chunk.map((c) => c.value),
					program: true,
					// The keys make a repeated batch harmless only where the program enforces them (program-dependent):
					// then a 5xx or a broken connection is retried with the very same keys; otherwise never.
					idempotent: ctx.getNodeParameter('keysEnforced', first, false) === true,
				},
			);
			const batchId = data?.batch_id ?? null;
			const queued = data?.transactions ?? [];
			const requestIdOf = (k: number) => queued[k]?.request_id ?? null;
			const base: IDataObject[] = chunk.map(({ value }, k) => ({
				...value,
				batch_id: batchId,
				request_id: requestIdOf(k),
			}));
			if (!batchId)
				throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
					message: `Loyalife accepted the batch but answered no batch_id (items ${chunk[0].index} to ${chunk[chunk.length - 1].index})`,
					description:
						'Without it the outcome cannot be read. Check the transactions in Loyalife before sending them again.',
					itemIndex: first,
				});
			if (queued.length && queued.length !== chunk.length)
				throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
					message: `Loyalife queued ${queued.length} of the ${chunk.length} transactions sent (item ${first})`,
					description: 'The answer does not say which: check the transactions in Loyalife.',
					itemIndex: first,
				});
			// The reference does not give the order of transactions[]: each entry must name its item's
			// transaction_id, or no request ID can be trusted.
			const mismatch = queued.findIndex(
				(q, k) => String(q?.transaction_id) !== String(chunk[k].value.transaction_id),
			);
			if (queued.length && mismatch >= 0)
				throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
					message: `Loyalife's queued transaction ${mismatch} is "${String(queued[mismatch]?.transaction_id)}", not the "${String(chunk[mismatch].value.transaction_id)}" sent (item ${chunk[mismatch].index})`,
					description: `Batch ${batchId} was accepted; its request IDs cannot be matched to your items. Check the transactions in Loyalife with Transaction → Get Batch Status before sending them again.`,
					itemIndex: chunk[mismatch].index,
				});
			if (!ctx.getNodeParameter('waitForOutcome', first, true))
				return base.map((b) => ({ ...b, status: 'queued', message: data?.message ?? null }));
			const maxWaitMs = Number(ctx.getNodeParameter('maxWaitSeconds', first, 120)) * 1000;
			const { status, waitedMs } = await waitForBatch(ctx, first, batchId, maxWaitMs);
			const byRequest = new Map((status.results ?? []).map((r) => [String(r.request_id), r]));
			// Without request IDs (snapshot A's answer), a one-transaction batch's single result is that transaction's.
			const single =
				chunk.length === 1 && status.results?.length === 1 ? status.results[0] : undefined;
			const pendingHint = `Still pending after ${Math.round(waitedMs / 1000)} s: check later with Transaction → Get Batch Status (${PAGES.pollBatch})`;
			return base.map((b, k) => {
				const result = b.request_id ? byRequest.get(String(b.request_id)) : single;
				const sum = status.summary;
				// Results are correlated by request_id (transactions/poll-batch-status). One the poll does not list
				// is not known to be applied, whatever the summary says: pending while the batch has work pending.
				if (!result && b.request_id) {
					return stillPending(status)
						? { ...b, status: 'pending', points: null, message: null, hint: pendingHint }
						: {
								...b,
								status: 'submitted',
								summary: sum ?? null,
								hint: `Loyalife's batch status lists no result for request ${String(b.request_id)}: check later with Transaction → Get Batch Status (${PAGES.pollBatch})`,
							};
				}
				if (
					!result &&
					sum &&
					Number(sum.pending) === 0 &&
					!Number(sum.failed) &&
					!Number(sum.on_hold) &&
					!Number(sum.partial_hold)
				) {
					// No request IDs (snapshot A's answer), but nothing failed, held or pending: every item applied.
					return { ...b, status: 'applied', points: null, summary: sum };
				}
				if (!result) {
					// Snapshot A's answer has no request IDs and something failed, was held or is pending: the
					// batch's summary is all there is to say about this item.
					return { ...b, status: 'submitted', summary: status.summary ?? null };
				}
				const outcome = OUTCOME[String(result.status)] ?? String(result.status).toLowerCase();
				if (outcome === 'failed') {
					return new NodeOperationError(
						ctx.getNode(),
						`Loyalife did not apply transaction ${String(b.transaction_id)}: ${result.error ?? result.message ?? 'no reason given'} (item ${chunk[k].index})`,
						{
							itemIndex: chunk[k].index,
							description: `Batch ${batchId}, request ${String(b.request_id)}. The other transactions of the batch were processed on their own.`,
						},
					);
				}
				return {
					...b,
					status: outcome,
					points: result.points ?? null,
					message: result.message ?? null,
					...(outcome === 'pending' ? { hint: pendingHint } : {}),
				};
			});
		},
	}),
});
