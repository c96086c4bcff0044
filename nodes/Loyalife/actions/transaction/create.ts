import { defineOperation } from '../../../shared/execution/operation';
import { loyalifeRequest, REF, PATHS, settingsOf } from '../../transport';
import { transactionBody, transactionFields } from './body';

// transactions/insert-transaction: query pintProgramId; one transaction, its points computed by the Rule
// Engine (no points field; no matching rule still succeeds with zero points); ReturnObject true. Error codes
// 006 insert failed, 103 no such member, 201 points not awarded.
export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a transaction',
	description:
		'Record one purchase (earns points) or reversal (takes them back); Loyalife answers once it is accepted',
	kind: 'write',
	records: ['memberRelationReference'],
	fields: transactionFields({ batch: false }),
	async execute(i) {
		const { programId, timeZone } = await settingsOf(this);
		const body = transactionBody(this, i, programId, { timeZone });
		// Not retried after a lost answer: Loyalife does not de-duplicate transaction_id, so it would count twice.
		await loyalifeRequest(this, i, 'POST', PATHS.insertTransaction, {
			body,
			program: true,
			returnsTrue: `${REF}/transactions/insert-transaction`,
		});
		return { recorded: true, ...body };
	},
});
