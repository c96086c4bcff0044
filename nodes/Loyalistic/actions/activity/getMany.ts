import type { IDataObject } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, QUERY, assumed, loyalisticList } from '../../transport';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many activities',
	description: assumed('List activities, page by page'),
	kind: 'read',
	fields: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Activity Type',
					name: 'type',
					type: 'string',
					placeholder: 'e.g. webinar_attended',
					default: '',
					description: 'Only activities of this type',
				},
				{
					displayName: 'Contact ID',
					name: 'contactId',
					type: 'string',
					placeholder: 'e.g. 1042',
					default: '',
					description: 'Only activities of this contact',
				},
			],
		},
	],
	async execute(i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.type) qs[QUERY.activityType] = filters.type;
		if (filters.contactId) qs[QUERY.contactId] = filters.contactId;
		return await loyalisticList(
			this,
			i,
			CALLS.activityGetMany,
			PATHS.activities,
			qs,
			limitOf(this, i),
		);
	},
});
