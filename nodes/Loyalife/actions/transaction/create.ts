import { defineOperation } from '../../../shared/execution/operation';
import { loyalifeRequest, PATHS, settingsOf } from '../../transport';
import { transactionFields } from '../fields';
import { transactionBody } from './body';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a transaction',
	description: 'Record one transaction',
	kind: 'write',
	records: ['memberRelationReference', 'transactionId'],
	fields: transactionFields(),
	// transactions/insert-transaction: one transaction, evaluated synchronously; ReturnObject is the boolean true.
	async execute(i) {
		const { programId } = await settingsOf(this);
		const body = transactionBody(this, i, programId);
		// Not retried after a 5xx: whether Loyalife enforces the idempotency key depends on the program.
		const { response } = await loyalifeRequest<boolean>(this, i, 'POST', PATHS.insertTransaction, {
			body,
			program: true,
		});
		const results = response.body.results;
		// An item that a later node can map: what was sent, and what Loyalife said.
		return {
			...body,
			accepted: results.ReturnObject === true,
			errorCode: results.ErrorCode,
			message: results.ExceptionMessage,
		};
	},
});
