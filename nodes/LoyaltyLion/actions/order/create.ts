import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { money, orderIdField, paymentStatusField } from './fields';

// developers.loyaltylion.com/api-reference/v2/resources/orders/create-order: merchant_id, customer_id,
// customer_email, total, total_shipping and payment_status are required; the rest optional.

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an order',
	description: 'Send an order so the customer earns points',
	kind: 'write',
	records: ['orderId'],
	fields: [
		orderIdField,
		{
			displayName: 'Customer ID in Your Store',
			name: 'customerId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '4821',
			description: "The customer's ID in your store (LoyaltyLion's customer merchant_id)",
		},
		{
			displayName: 'Customer Email',
			name: 'customerEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
		{
			displayName: 'Total',
			name: 'total',
			type: 'string',
			required: true,
			default: '',
			placeholder: '49.90',
			description:
				'Order total after shipping, tax and discounts, as a decimal; points are earned on it',
		},
		{
			displayName: 'Total Shipping',
			name: 'totalShipping',
			type: 'string',
			required: true,
			default: '0',
			placeholder: '4.90',
			description: 'Shipping part of the total, as a decimal (0 when free)',
		},
		paymentStatusField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Date',
					name: 'date',
					type: 'dateTime',
					default: '',
					description: 'When the order was placed',
				},
				{
					displayName: 'Guest',
					name: 'guest',
					type: 'boolean',
					default: false,
					description: 'Whether the order was placed by a guest (no account in your store)',
				},
				{
					displayName: 'IP Address',
					name: 'ip_address',
					type: 'string',
					default: '',
					placeholder: '203.0.113.7',
					description: "The customer's IP address, for fraud checks",
				},
				{
					displayName: 'Order Number',
					name: 'merchant_number',
					type: 'string',
					default: '',
					placeholder: '#1001',
					description: 'The order number your store shows the customer',
				},
				{
					displayName: 'Referral ID',
					name: 'referral_id',
					type: 'string',
					placeholder: 'e.g. ref-123',
					default: '',
					description: 'Referral ID from the LoyaltyLion SDK, when the order came from a referral',
				},
				{
					displayName: 'Site ID',
					name: 'site_id',
					type: 'string',
					placeholder: 'e.g. 7',
					default: '',
					description:
						'For programs with several sites: the site the order belongs to (sent as a query parameter)',
				},
				{
					displayName: 'Total Paid',
					name: 'total_paid',
					type: 'string',
					default: '',
					placeholder: '49.90',
					description: 'Amount paid so far, as a decimal (for partially paid orders)',
				},
				{
					displayName: 'Tracking ID',
					name: 'tracking_id',
					type: 'string',
					placeholder: 'e.g. trk-abc',
					default: '',
					description: 'Tracking ID from the LoyaltyLion SDK',
				},
				{
					displayName: 'User Agent',
					name: 'user_agent',
					type: 'string',
					placeholder: 'e.g. Mozilla/5.0',
					default: '',
					description: "The customer's browser user agent",
				},
			],
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const body: IDataObject = {
			merchant_id: v.id('orderId', 'Order ID in Your Store'),
			customer_id: v.string('customerId', 'Customer ID in Your Store'),
			customer_email: v.email('customerEmail', 'Customer Email'),
			total: money(v, 'total', 'Total'),
			total_shipping: money(v, 'totalShipping', 'Total Shipping'),
			payment_status: v.string('paymentStatus', 'Payment Status'),
		};
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const qs: IDataObject = {};
		for (const [key, value] of Object.entries(extra)) {
			if (value === '' || value === undefined || value === null) continue;
			if (key === 'site_id') qs.site_id = String(value).trim();
			else if (key === 'total_paid') body.total_paid = String(value).trim();
			else if (key === 'date') {
				const date = new Date(String(value));
				if (Number.isNaN(date.getTime()))
					v.fail('Additional Fields → Date', `must be a date-time, got "${String(value)}"`);
				body.date = date.toISOString();
			} else body[key] = typeof value === 'string' ? value.trim() : value;
		}
		if (body.total_paid !== undefined && !/^\d+(\.\d{1,2})?$/.test(String(body.total_paid)))
			v.fail(
				'Additional Fields → Total Paid',
				`must be an amount such as 49.90, got "${String(body.total_paid)}"`,
			);
		// Not retried after a 5xx: LoyaltyLion rejects a repeated order ID, so a retry could report a false failure.
		const { statusCode } = await loyaltyLionRequest(this, i, 'POST', PATHS.orders, { body, qs });
		return { ...body, status: statusCode };
	},
});
