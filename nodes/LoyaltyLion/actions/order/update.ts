import { defineOperation } from '../../../shared/execution/operation';
import { fullUpdate, fullUpdateFields } from './fields';

// developers.loyaltylion.com/api-reference/v2/resources/orders/update-order: a full update, sent after
// reading the order (orders/get-order). Version 1 asks for every value; from 1.1 only what changes.
const ALL = ['paymentStatus', 'refundStatus', 'cancellationStatus', 'totalPaid', 'totalRefunded'];
const EDITABLE = { v1: ALL, latest: ALL };

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an order',
	description:
		"Change an order's payment, refund or cancellation state; what you leave as it is is read from the order",
	kind: 'write',
	records: ['orderId'],
	fields: fullUpdateFields(EDITABLE),
	async execute(i) {
		return await fullUpdate(this, i, EDITABLE);
	},
});
