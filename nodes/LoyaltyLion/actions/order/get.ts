import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { existingOrderField } from './fields';

// developers.loyaltylion.com/api-reference/v2/resources/orders/get-order: a bare object (no order wrapper):
// statuses, total, total_paid, total_shipping, merchant_created_at / merchant_updated_at, payments and refunds.
// It has no total_refunded (the sum of refunds[].amount), no LoyaltyLion ID and no customer.
export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an order',
	description:
		'Get an order by its ID in your store: its payment, refund and cancellation state, payments and refunds',
	kind: 'read',
	fields: [existingOrderField],
	async execute(i) {
		const id = new Validator(this, i).id('orderId', 'Order ID in Your Store');
		const { body } = await loyaltyLionRequest<IDataObject>(this, i, 'GET', PATHS.order(id));
		return body;
	},
});
