import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { IDEMPOTENCY_FIELD } from '../../transport';

/**
 * One transaction's body from an item's fields, checked before sending, with its idempotency key inside it
 * (transactions/insert-transaction and insert-transaction-v2; concepts/idempotency). The type is DR (a
 * purchase, earns points) or CR (a reversal); the batch endpoint writes it in lower case.
 */
export function transactionBody(
	ctx: IExecuteFunctions,
	i: number,
	programId: string,
	{ batch = false } = {},
): IDataObject {
	const v = new Validator(ctx, i);
	const type = v.string('transactionType', 'Transaction Type').toUpperCase();
	if (type !== 'DR' && type !== 'CR')
		v.fail('Transaction Type', `must be DR (purchase) or CR (reversal), got "${type}"`);
	const body: IDataObject = {
		transaction_id: v.string('transactionId', 'Transaction ID'),
		amount: v.number('amount', 'Amount', { min: 0.01 }),
		transaction_date: v.date('transactionDate', 'Transaction Date'),
		product_code: v.string('productCode', 'Product Code'),
		member_relation_reference: v.string('memberRelationReference', 'Member Relation Reference'),
		transaction_type: batch ? type.toLowerCase() : type,
	};
	const sub = v.optionalString('subProductCode', 'Sub Product Code');
	if (sub) body.sub_product_code = sub;
	const key =
		v.optionalString('idempotencyKey', 'Idempotency Key') ??
		derivedKey(programId, { ...body, transaction_type: type });
	return { [IDEMPOTENCY_FIELD]: key, ...body };
}

/** The same transaction of the same program always gets the same key, whichever endpoint sends it. */
function derivedKey(programId: string, transaction: IDataObject): string {
	return (
		'n8n-' +
		createHash('sha256')
			.update(programId)
			.update(JSON.stringify(transaction))
			.digest('hex')
			.slice(0, 40)
	);
}
