import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { loyalifeRequest, PATHS } from '../../transport';
import { transactionFields } from '../fields';
import { transactionBody } from './body';

export const description: INodeProperties[] = fieldsFor('transaction', 'create', transactionFields());

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// Not retried after a 5xx: Loyalife offers no idempotency key on single inserts (use Create Batch for that).
	return (await loyalifeRequest(this, i, 'POST', PATHS.insertTransaction, { body: transactionBody(this, i) })).data;
}
