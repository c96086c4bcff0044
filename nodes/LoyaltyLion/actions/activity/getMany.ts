import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { loyaltyLionList, PATHS } from '../../transport';

export const description: INodeProperties[] = [
	...returnAllFields('activity', 'getMany'),
	...fieldsFor('activity', 'getMany', [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Activity Name', name: 'name', type: 'string', placeholder: 'e.g. $review', default: '' },
				{ displayName: 'Customer ID in Your Store', name: 'customer_id', type: 'string', placeholder: 'e.g. cust-123', default: '' },
			],
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
	for (const key of Object.keys(filters)) if (filters[key] === '') delete filters[key];
	return await loyaltyLionList(this, i, PATHS.activities, 'activities', filters, limitOf(this, i));
}
