import { defineOperation } from '../../../shared/execution/operation';
import { fullUpdate, fullUpdateFields } from './fields';

// developers.loyaltylion.com/api-reference/v2/resources/orders/update-order: a full update.
export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an order',
	description:
		"Change an order's payment, refund or cancellation state; what you leave as it is is read from the order",
	kind: 'write',
	records: ['orderId'],
	fields: fullUpdateFields([]),
	async execute(i) {
		return await fullUpdate(this, i);
	},
});
