import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { loyalifeRequest, PATHS, settingsOf } from '../../transport';
import { transactionFields } from '../fields';
import { transactionBody } from './body';

export const description: INodeProperties[] = fieldsFor('transaction', 'create', transactionFields());

// transactions/insert-transaction: one transaction, evaluated synchronously; ReturnObject is the boolean true.
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { programId } = await settingsOf(this);
	const body = transactionBody(this, i, programId);
	// Not retried after a 5xx: whether Loyalife enforces the idempotency key depends on the program.
	const { response } = await loyalifeRequest<boolean>(this, i, 'POST', PATHS.insertTransaction, { body, program: true });
	const results = response.body.results;
	// An item that a later node can map: what was sent, and what Loyalife said.
	return { ...body, accepted: results.ReturnObject === true, errorCode: results.ErrorCode, message: results.ExceptionMessage };
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['memberRelationReference', 'transactionId'];
