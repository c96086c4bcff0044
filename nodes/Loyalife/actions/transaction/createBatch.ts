import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { asNodeError, errorItem, fieldsFor } from '../../../shared/router';
import { IDEMPOTENCY_HEADER, loyalifeRequest, PATHS, settingsOf } from '../../transport';
import { transactionFields } from '../fields';
import { transactionBody } from './body';

export const MAX_BATCH = 100;

export const description: INodeProperties[] = fieldsFor('transaction', 'createBatch', [
	{
		displayName: 'Every input item becomes one transaction; they are sent in batches of up to 100, each with an idempotency key, so a batch retried or replayed is never counted twice.',
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

/** The idempotency key of a batch: the same transactions always give the same key. */
export function batchKey(programId: string, transactions: IDataObject[]): string {
	return 'n8n-' + createHash('sha256').update(programId).update(JSON.stringify(transactions)).digest('hex').slice(0, 40);
}

export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const valid: Array<{ index: number; body: IDataObject }> = [];
	for (const index of itemIndexes) {
		try {
			valid.push({ index, body: transactionBody(this, index) });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, index);
			out.push(errorItem(this, error, index));
		}
	}
	const size = Math.min(MAX_BATCH, Math.max(1, (this.getNodeParameter('batchSize', itemIndexes[0], MAX_BATCH) as number) || MAX_BATCH));
	const { programId } = await settingsOf(this);
	for (let start = 0; start < valid.length; start += size) {
		const chunk = valid.slice(start, start + size);
		const transactions = chunk.map((c) => c.body);
		const key = batchKey(programId, transactions);
		try {
			const { data } = await loyalifeRequest<IDataObject>(this, chunk[0].index, 'POST', PATHS.insertTransactionBatch, {
				body: transactions,
				headers: { [IDEMPOTENCY_HEADER]: key },
				// The idempotency key makes a repeated batch harmless, so a 5xx or a broken connection is retried.
				idempotent: true,
			});
			const skipped = new Set((data.skipped as string[] | undefined) ?? []);
			for (const { index, body } of chunk) {
				out.push({
					json: {
						transaction_id: body.transaction_id,
						batch_id: data.batch_id,
						status: skipped.has(String(body.transaction_id)) ? 'skipped' : 'accepted',
						replayed: Boolean(data.replayed),
						idempotencyKey: key,
					},
					pairedItem: { item: index },
				});
			}
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, chunk[0].index);
			for (const { index } of chunk) out.push(errorItem(this, error, index));
		}
	}
	return out;
}
