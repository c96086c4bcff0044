import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { booleanOf, createCustomerField, siteIdOf, siteIdOption } from '../fields';
import { isAmount, money, orderIdField, paymentStatusField } from './fields';

// developers.loyaltylion.com/api-reference/v2/resources/orders/create-order: merchant_id, customer_id,
// customer_email, total, total_shipping and payment_status are required; the rest optional, among them
// discount_codes [{code, amount}] (amount a decimal string) and claimed_reward_ids (integers).

/** Discount Codes as the body takes them: [{code, amount}], the amount a decimal string. */
function discountCodes(v: Validator, value: IDataObject): IDataObject[] {
	const entries = (value.discountCode as IDataObject[] | undefined) ?? [];
	return entries.map((entry, n) => {
		const label = `Additional Fields → Discount Codes (${n + 1})`;
		const code = String(entry.code ?? '').trim();
		if (!code) v.fail(`${label} → Code`, 'is required but empty');
		const amount = String(entry.amount ?? '').trim();
		if (!isAmount(amount))
			v.fail(`${label} → Amount`, `must be an amount such as 5.00, got "${amount}"`);
		return { code, amount };
	});
}

/** Claimed Reward IDs from a comma-separated text or a list: whole numbers. */
function claimedRewardIds(v: Validator, value: unknown): number[] {
	const parts = (Array.isArray(value) ? value : String(value).split(','))
		.map((part) => String(part).trim())
		.filter(Boolean);
	return parts.map((part) => {
		if (!/^[1-9]\d*$/.test(part))
			v.fail(
				'Additional Fields → Claimed Reward IDs',
				`must be claimed reward IDs (whole numbers), got "${part}"`,
			);
		return Number(part);
	});
}

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an order',
	description: 'Send an order so the customer earns points',
	kind: 'write',
	records: ['orderId'],
	fields: [
		{
			// create-order: merchants on supported platforms normally should not call it, as LoyaltyLion
			// receives their orders from the platform.
			displayName:
				'Stores on a platform LoyaltyLion supports (e.g. Shopify) normally should not send orders here: LoyaltyLion receives them from the platform. Use this for a custom store.',
			name: 'platformNotice',
			type: 'notice',
			default: '',
		},
		orderIdField,
		createCustomerField,
		{
			displayName: 'Customer Email',
			name: 'customerEmail',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			required: true,
			default: '',
			description: "The customer's email address",
		},
		{
			displayName: 'Total',
			name: 'total',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 49.90',
			description: 'Order total after shipping, tax and discounts, as a decimal',
		},
		{
			displayName: 'Total Shipping',
			name: 'totalShipping',
			type: 'string',
			required: true,
			default: '0',
			placeholder: 'e.g. 4.90',
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
					displayName: 'Claimed Reward Names or IDs',
					name: 'claimed_reward_ids',
					type: 'multiOptions',
					typeOptions: {
						loadOptionsMethod: 'claimedRewardOptions',
						loadOptionsDependsOn: ['customerId.value'],
					},
					default: [],
					description:
						'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Date',
					name: 'date',
					type: 'dateTime',
					default: '',
					description: 'When the order was placed',
				},
				{
					displayName: 'Discount Codes',
					name: 'discount_codes',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Discount Code',
					default: {},
					description: 'The discount codes used on the order, each with the amount it took off',
					options: [
						{
							displayName: 'Discount Code',
							name: 'discountCode',
							values: [
								{
									displayName: 'Code',
									name: 'code',
									type: 'string',
									required: true,
									default: '',
									placeholder: 'e.g. WELCOME5',
									description: 'The code the customer entered',
								},
								{
									displayName: 'Amount',
									name: 'amount',
									type: 'string',
									required: true,
									default: '',
									placeholder: 'e.g. 5.00',
									description: 'The amount the code took off the order, as a decimal',
								},
							],
						},
					],
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
					placeholder: 'e.g. 203.0.113.7',
					description: "The customer's IP address; with the user agent, used for referral tracking",
				},
				{
					displayName: 'Order Number',
					name: 'merchant_number',
					type: 'string',
					default: '',
					placeholder: 'e.g. #1001',
					description: 'The order number your store shows the customer',
				},
				{
					displayName: 'Referral ID',
					name: 'referral_id',
					type: 'string',
					placeholder: 'e.g. ref-123',
					default: '',
					description: 'The LoyaltyLion referral ID, when the order came from a referral',
				},
				siteIdOption(
					'For programs with several sites: the site the order belongs to (sent as the site_id query parameter). Programs with one site leave it empty.',
				),
				{
					displayName: 'Total Paid',
					name: 'total_paid',
					type: 'string',
					default: '',
					placeholder: 'e.g. 49.90',
					description: 'Amount paid so far, as a decimal (for partially paid orders)',
				},
				{
					displayName: 'Tracking ID',
					name: 'tracking_id',
					type: 'string',
					placeholder: 'e.g. trk-abc',
					default: '',
					description: 'The LoyaltyLion tracking ID (e.g. from a LoyaltyLion email link)',
				},
				{
					displayName: 'User Agent',
					name: 'user_agent',
					type: 'string',
					placeholder: 'e.g. Mozilla/5.0',
					default: '',
					description: "The customer's full browser user agent string, used for referral tracking",
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
			if (Array.isArray(value) && value.length === 0) continue;
			if (key === 'site_id') {
				const siteId = siteIdOf(v, value, 'Additional Fields → Site');
				if (siteId) qs.site_id = siteId;
			} else if (key === 'discount_codes') {
				const codes = discountCodes(v, value as IDataObject);
				if (codes.length) body.discount_codes = codes;
			} else if (key === 'claimed_reward_ids') {
				const ids = claimedRewardIds(v, value);
				if (ids.length) body.claimed_reward_ids = ids;
			} else if (key === 'guest') body.guest = booleanOf(v, value, 'Additional Fields → Guest');
			else if (key === 'total_paid') body.total_paid = String(value).trim();
			else if (key === 'date') body.date = v.dateTimeValue(value, 'Additional Fields → Date');
			else body[key] = typeof value === 'string' ? value.trim() : value;
		}
		if (body.total_paid !== undefined && !isAmount(String(body.total_paid)))
			v.fail(
				'Additional Fields → Total Paid',
				`must be an amount such as 49.90, got "${String(body.total_paid)}"`,
			);
		// Not retried after a 5xx: what LoyaltyLion does with a repeated order ID is not public; a retry could
		// record the order twice or report a false failure.
		const { statusCode } = await loyaltyLionRequest(this, i, 'POST', PATHS.orders, { body, qs });
		return { ...body, status: statusCode };
	},
});
