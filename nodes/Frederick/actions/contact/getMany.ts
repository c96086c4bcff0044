import type { IDataObject } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { frederickList, PATHS, simplifyField } from '../../transport';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'List contacts, page by page',
	kind: 'read',
	fields: [
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
					placeholder: 'name@email.com',
					default: '',
					description: 'Only the contact with this email',
				},
			],
		},
	],
	async execute(i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.email) qs['filter[email]'] = filters.email;
		return await frederickList(this, i, PATHS.contacts, qs, limitOf(this, i));
	},
});
