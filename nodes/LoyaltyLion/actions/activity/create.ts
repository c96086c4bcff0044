import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an activity',
	description: 'Record an activity for a customer',
	kind: 'write',
	records: ['customerId'],
	fields: [
		{
			displayName: 'Activity Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'clickthrough',
			description: 'Name of the rule in your program, e.g. clickthrough or $birthday',
		},
		{
			displayName: 'Customer ID in Your Store',
			name: 'customerId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. cust-123',
			description: "The customer's ID in your store (LoyaltyLion's merchant_id)",
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
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Activity Merchant ID',
					name: 'merchant_id',
					type: 'string',
					placeholder: 'e.g. review-981',
					default: '',
					description: 'Your own ID for this activity, to refer to it later',
				},
				{
					displayName: 'Date',
					name: 'date',
					type: 'dateTime',
					default: '',
					description: 'When it happened',
				},
			],
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const body: IDataObject = {
			name: v.string('name', 'Activity Name'),
			customer_id: v.string('customerId', 'Customer ID in Your Store'),
			customer_email: v.email('customerEmail', 'Customer Email'),
		};
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		if (extra.merchant_id) body.merchant_id = extra.merchant_id;
		if (extra.date) {
			const date = new Date(String(extra.date));
			if (Number.isNaN(date.getTime()))
				v.fail('Additional Fields → Date', `must be a date-time, got "${String(extra.date)}"`);
			body.date = date.toISOString();
		}
		const { body: answer } = await loyaltyLionRequest(this, i, 'POST', PATHS.activities, { body });
		return (answer?.activity as IDataObject | undefined) ?? body;
	},
});
