import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { asNodeError, errorItem, explainBatchStop, fieldsFor } from '../../../shared/router';
import { loyalifeRequest, PATHS, settingsOf } from '../../transport';
import { transactionFields } from '../fields';
import { transactionBody } from './body';

export const MAX_BATCH = 100;

export const description: INodeProperties[] = fieldsFor('transaction', 'createBatch', [
	{
		displayName: 'Every input item becomes one transaction; they are sent in batches of up to 100, each transaction with its idempotency key, so a batch retried or replayed is not counted twice where your program enforces the key.',
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
]);

interface BatchAnswer {
	batch_id?: string;
	message?: string;
	total_transactions?: number;
	transactions?: Array<{ transaction_id?: string; request_id?: string; transaction_type?: string }>;
}

// transactions/insert-transaction-v2: an array of transactions, each carrying its own
// _xoxo_api_client_idempotency; answered 202 with a batch_id and one queued entry per transaction.
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const valid: Array<{ index: number; body: IDataObject }> = [];
	const { programId } = await settingsOf(this);
	for (const index of itemIndexes) {
		try {
			valid.push({ index, body: transactionBody(this, index, programId, { batch: true }) });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, index);
			out.push(errorItem(this, error, index));
		}
	}
	const size = Math.min(MAX_BATCH, Math.max(1, (this.getNodeParameter('batchSize', itemIndexes[0], MAX_BATCH) as number) || MAX_BATCH));
	for (let start = 0; start < valid.length; start += size) {
		const chunk = valid.slice(start, start + size);
		try {
			const { data } = await loyalifeRequest<BatchAnswer>(this, chunk[0].index, 'POST', PATHS.insertTransactionBatch, {
				body: chunk.map((c) => c.body),
				// Each transaction's idempotency key makes a repeated batch harmless where the program enforces it,
				// so a 5xx or a broken connection is retried with the very same keys.
				idempotent: true,
			});
			const queued = data?.transactions ?? [];
			chunk.forEach(({ index, body }, k) => {
				out.push({
					json: {
						...body,
						batch_id: data?.batch_id ?? null,
						request_id: queued[k]?.request_id ?? null,
						status: 'queued',
						message: data?.message ?? null,
					},
					pairedItem: { item: index },
				});
			});
		} catch (error) {
			if (!this.continueOnFail()) throw explainBatchStop(this, error, chunk, valid, start, size);
			for (const { index } of chunk) out.push(errorItem(this, error, index));
		}
	}
	return out;
}
