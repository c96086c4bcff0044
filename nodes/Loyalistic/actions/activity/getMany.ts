import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { loyalisticList, PATHS } from '../../transport';

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
				{ displayName: 'Activity Type', name: 'type', type: 'string', placeholder: 'e.g. webinar_attended', default: '', description: 'Only activities of this type' },
				{ displayName: 'Contact ID', name: 'contactId', type: 'string', placeholder: 'e.g. 1042', default: '', description: 'Only activities of this contact' },
			],
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.type) qs.type = filters.type;
	if (filters.contactId) qs.contactId = filters.contactId;
	return await loyalisticList(this, i, PATHS.activities, qs, limitOf(this, i));
}
