import { defineOperation } from '../../../shared/execution/operation';
import { fullUpdate, fullUpdateFields } from './fields';

// developers.loyaltylion.com/api-reference/v2/resources/orders/update-order: a full update.

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an order',
	description: "Send the order's current payment, refund and cancellation state (a full update)",
	kind: 'write',
	records: ['orderId'],
	fields: [...fullUpdateFields([])],
	async execute(i) {
		return await fullUpdate(this, i);
	},
});
