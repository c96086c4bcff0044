import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { outputFields, outputShaper } from '../../../shared/descriptions/simplify';
import { CUSTOMER_SIMPLE, CUSTOMER_UPDATE_OUTPUT, customerIdField } from '../fields';

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a customer',
	description: 'Change birthday or blocked status',
	kind: 'write',
	records: ['merchantId'],
	fields: [
		customerIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Birthday',
					name: 'birthday',
					type: 'dateTime',
					default: '',
					description:
						'Birthday, sent as YYYY-MM-DD (the page does not state the format; assumed from the ISO 8601 dates of customers)',
				},
				{
					displayName: 'Blocked',
					name: 'blocked',
					type: 'boolean',
					default: false,
					description: 'Whether the customer is blocked from the loyalty program',
				},
			],
		},
		...outputFields(CUSTOMER_UPDATE_OUTPUT),
	],
	async execute(i) {
		const shape = outputShaper(this, i, CUSTOMER_UPDATE_OUTPUT);
		const v = new Validator(this, i);
		const id = v.id('merchantId', 'Customer ID in Your Store');
		const raw = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const customer: IDataObject = {};
		if (raw.birthday) {
			const day = /^\d{4}-\d{2}-\d{2}/.exec(String(raw.birthday))?.[0];
			if (!day) v.fail('Update Fields → Birthday', `must be a date, got "${String(raw.birthday)}"`);
			customer.birthday = day;
		}
		if (raw.blocked !== undefined) customer.blocked = raw.blocked;
		v.changes(customer);
		// developers.loyaltylion.com/api-reference/v2/resources/customers/update-customer: PATCH, {customer:
		// {birthday, blocked}}; email is not a field of this call.
		const { body } = await loyaltyLionRequest<IDataObject>(this, i, 'PATCH', PATHS.customer(id), {
			body: { customer },
			idempotent: true,
		});
		const updated = (body?.customer as IDataObject | undefined) ?? { merchant_id: id, ...customer };
		return shape([updated], CUSTOMER_SIMPLE)[0];
	},
});
