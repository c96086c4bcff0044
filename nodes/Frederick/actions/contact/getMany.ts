import type { IDataObject } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickList, PATHS, simplifyField, v2 } from '../../transport';
import { locationIdField } from '../fields';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: v2('List the contacts of a location, page by page'),
	kind: 'read',
	fields: [
		locationIdField,
		simplifyField,
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'e.g. name@email.com',
					default: '',
					description:
						"Only the contact with this email (sent as filter.email: assumed, Frederick's client library shows it only as an example)",
				},
			],
		},
	],
	async execute(i) {
		const locationId = new Validator(this, i).id('locationId', 'Location ID');
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		// filter.email: assumed (dot notation as the client library sends filters; this filter name is its example)
		if (filters.email) qs['filter.email'] = String(filters.email).trim();
		return await frederickList(this, i, PATHS.contacts(locationId), qs, limitOf(this, i));
	},
});
