import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { frederickList, PATHS } from '../../transport';

export const description: INodeProperties[] = [
	...returnAllFields('contact', 'getMany'),
	...fieldsFor('contact', 'getMany', [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Only the contact with this email' }],
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.email) qs['filter[email]'] = filters.email;
	return await frederickList(this, i, PATHS.contacts, qs, limitOf(this, i));
}
