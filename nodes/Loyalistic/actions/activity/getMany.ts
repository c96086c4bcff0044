import type { IDataObject } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { locatorValue } from '../../../shared/descriptions/locator';
import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, QUERY, assumed, loyalisticList } from '../../transport';
import { contactIdField } from '../fields';

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
					...contactIdField,
					required: false,
					description:
						'Only activities of this contact: pick it from the list (search by email or name), or give its Loyalistic ID',
				},
			],
		},
	],
	async execute(i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.type) qs[QUERY.activityType] = filters.type;
		const contactId = locatorValue(filters.contactId);
		if (contactId) qs[QUERY.contactId] = contactId as string;
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
