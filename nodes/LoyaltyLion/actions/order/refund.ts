import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { fullUpdate, fullUpdateFields, money } from './fields';

// Refunding is the full update (orders/update-order) with refund_status and total_refunded; LoyaltyLion
// documents no /refund path. Full or partial is read from the totals: refunded when all that was paid is.

export default defineOperation({
	value: 'refund',
	name: 'Refund',
	action: 'Refund an order',
	description:
		'Record a full or partial refund; a full update with its current payment and cancellation state',
	kind: 'write',
	records: ['orderId'],
	fields: [...fullUpdateFields(['refundStatus'])],
	async execute(i) {
		const v = new Validator(this, i);
		v.id('orderId', 'Order ID in Your Store');
		const paid = money(v, 'totalPaid', 'Total Paid');
		const refunded = money(v, 'totalRefunded', 'Total Refunded');
		if (Number(refunded) <= 0) v.fail('Total Refunded', 'must be more than 0 for a refund');
		if (Number(refunded) > Number(paid))
			v.fail('Total Refunded', `cannot be more than the Total Paid (${paid}), got ${refunded}`);
		return await fullUpdate(this, i, {
			refund_status: Number(refunded) === Number(paid) ? 'refunded' : 'partially_refunded',
		});
	},
});
