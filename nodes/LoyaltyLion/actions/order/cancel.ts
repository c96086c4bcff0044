import { defineOperation } from '../../../shared/execution/operation';
import { fullUpdate, fullUpdateFields } from './fields';

// Cancelling is the full update (orders/update-order) with cancellation_status "cancelled"; LoyaltyLion
// documents no /cancel path. The payment and refund state and the totals are the order's as read first
// (orders/get-order), in every node version: a cancellation changes nothing else.
export default defineOperation({
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel an order',
	description:
		'Mark an order cancelled, keeping its payment and refund state as LoyaltyLion has it',
	kind: 'write',
	records: ['orderId'],
	fields: fullUpdateFields({ v1: [], latest: [] }),
	async execute(i) {
		return await fullUpdate(this, i, { v1: [], latest: [] }, () => ({
			cancellation_status: 'cancelled',
		}));
	},
});
