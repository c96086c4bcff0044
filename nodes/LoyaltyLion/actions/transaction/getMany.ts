import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionList, PATHS } from '../../transport';

export const description: INodeProperties[] = [
	...returnAllFields('transaction', 'getMany'),
	...fieldsFor('transaction', 'getMany', [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'LoyaltyLion Customer ID',
					name: 'customer_id',
					type: 'number',
					default: 0,
					description: "Only this customer's transactions. This is LoyaltyLion's own numeric customer ID (the ID field of a customer from Customer → Get), not the customer's ID in your store.",
				},
				{ displayName: 'Since ID', name: 'since_id', type: 'number', default: 0, description: 'Only transactions with an ID greater than this' },
			],
		},
	]),
];

// developers.loyaltylion.com/api-reference/v2/resources/transactions/list-transactions
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
	for (const key of Object.keys(filters)) if (filters[key] === '' || filters[key] === 0) delete filters[key];
	if (filters.customer_id !== undefined && !/^\d+$/.test(String(filters.customer_id).trim())) {
		new Validator(this, i).fail('Filters → LoyaltyLion Customer ID', `must be LoyaltyLion's numeric customer ID, got "${String(filters.customer_id)}"`);
	}
	return await loyaltyLionList(this, i, PATHS.transactions, 'transactions', filters, limitOf(this, i));
}
