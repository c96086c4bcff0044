import { defineOperation } from '../../../shared/execution/operation';
import { fullUpdate, fullUpdateFields } from './fields';

// Cancelling is the full update (orders/update-order) with cancellation_status "cancelled"; LoyaltyLion
// documents no /cancel path. The update carries the order's current payment and refund state.
export default defineOperation({
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel an order',
	description: 'Mark an order cancelled, keeping its payment and refund state',
	kind: 'write',
	records: ['orderId'],
	fields: fullUpdateFields(['cancellationStatus']),
	async execute(i) {
		return await fullUpdate(this, i, () => ({ cancellation_status: 'cancelled' }), [
			'cancellationStatus',
		]);
	},
});
