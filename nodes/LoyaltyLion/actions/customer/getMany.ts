import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { simplified, simplifyProperty } from '../../../shared/simplify';
import { Validator } from '../../../shared/validate';
import { loyaltyLionList, PATHS } from '../../transport';
import { CUSTOMER_SIMPLE } from '../fields';

export const description: INodeProperties[] = [
	...returnAllFields('customer', 'getMany'),
	...fieldsFor('customer', 'getMany', [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Only the customer with this email' },
				{ displayName: 'Since ID', name: 'since_id', type: 'number', default: 0, description: 'Only customers with a LoyaltyLion ID greater than this (for incremental syncs)' },
				{ displayName: 'Updated After', name: 'updated_at_min', type: 'dateTime', default: '', description: 'Only customers changed at or after this time' },
			],
		},
		{
			displayName: 'Customers come newest first; Return All follows the cursor to the end.',
			name: 'orderNotice',
			type: 'notice',
			default: '',
		},
	]),
	simplifyProperty('customer', ['getMany']),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const raw = this.getNodeParameter('filters', i, {}) as IDataObject;
	const filters: IDataObject = {};
	if (raw.email) filters.email = raw.email;
	if (raw.since_id) filters.since_id = raw.since_id;
	if (raw.updated_at_min) {
		const date = new Date(String(raw.updated_at_min));
		if (Number.isNaN(date.getTime())) new Validator(this, i).fail('Filters → Updated After', `must be a date-time, got "${String(raw.updated_at_min)}"`);
		filters.updated_at_min = date.toISOString();
	}
	return simplified(this, i, await loyaltyLionList(this, i, PATHS.customers, 'customers', filters, limitOf(this, i)), CUSTOMER_SIMPLE);
}
