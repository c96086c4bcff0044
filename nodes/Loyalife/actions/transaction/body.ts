import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { Validator } from '../../../shared/validate';

/** One transaction's body from an item's fields, checked before sending. */
export function transactionBody(ctx: IExecuteFunctions, i: number): IDataObject {
	const v = new Validator(ctx, i);
	const body: IDataObject = {
		transaction_id: v.string('transactionId', 'Transaction ID'),
		amount: v.number('amount', 'Amount', { min: 0.01 }),
		transaction_date: v.date('transactionDate', 'Transaction Date'),
		product_code: v.string('productCode', 'Product Code'),
		member_relation_reference: v.string('memberRelationReference', 'Member Relation Reference'),
		transaction_type: ctx.getNodeParameter('transactionType', i) as string,
	};
	const sub = v.optionalString('subProductCode');
	if (sub) body.sub_product_code = sub;
	return body;
}
