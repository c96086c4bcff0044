import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
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
				{ displayName: 'Customer Merchant ID', name: 'customer_id', type: 'string', default: '', description: "Only this customer's transactions" },
				{ displayName: 'Since ID', name: 'since_id', type: 'number', default: 0, description: 'Only transactions with an ID greater than this' },
			],
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
	for (const key of Object.keys(filters)) if (filters[key] === '' || filters[key] === 0) delete filters[key];
	return await loyaltyLionList(this, i, PATHS.transactions, 'transactions', filters, limitOf(this, i));
}
