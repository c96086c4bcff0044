import type { IDataObject } from 'n8n-workflow';
import { defineBatch, defineOperation } from '../../../shared/execution/operation';
import { loyalifeRequest, PATHS, settingsOf } from '../../transport';
import { transactionFields } from '../fields';
import { transactionBody } from './body';

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
	description: 'Record every input item as a transaction, 100 per request, idempotently',
	kind: 'write',
	fields: [
		{
			displayName:
				'Every input item becomes one transaction; they are sent in batches of up to 100, each transaction with its idempotency key, so a batch retried or replayed is not counted twice where your program enforces the key.',
			name: 'batchNotice',
			type: 'notice',
			default: '',
		},
		...transactionFields(),
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1, maxValue: MAX_BATCH },
			description: 'Transactions per request (Loyalife accepts up to 100)',
		},
	],
	// transactions/insert-transaction-v2: an array of transactions, each carrying its own
	// _xoxo_api_client_idempotency; answered 202 with a batch_id and one queued entry per transaction.
	batch: defineBatch<IDataObject>({
		size(ctx, first) {
			return Math.min(
				MAX_BATCH,
				Math.max(1, (ctx.getNodeParameter('batchSize', first, MAX_BATCH) as number) || MAX_BATCH),
			);
		},
		async prepare(ctx, i) {
			const { programId } = await settingsOf(ctx);
			return transactionBody(ctx, i, programId, { batch: true });
		},
		async send(ctx, chunk) {
			const { data } = await loyalifeRequest<BatchAnswer>(
				ctx,
				chunk[0].index,
				'POST',
				PATHS.insertTransactionBatch,
				{
					body: chunk.map((c) => c.value),
					// Each transaction's idempotency key makes a repeated batch harmless where the program enforces it,
					// so a 5xx or a broken connection is retried with the very same keys.
					idempotent: true,
				},
			);
			const queued = data?.transactions ?? [];
			return chunk.map(({ value }, k) => ({
				...value,
				batch_id: data?.batch_id ?? null,
				request_id: queued[k]?.request_id ?? null,
				status: 'queued',
				message: data?.message ?? null,
			}));
		},
	}),
});
