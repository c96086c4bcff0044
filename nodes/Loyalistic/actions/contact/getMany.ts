import type { IDataObject } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { outputFields, outputShaper } from '../../../shared/descriptions/simplify';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, QUERY, assumed, loyalisticList } from '../../transport';
import { CONTACT_OUTPUT, CONTACT_SIMPLE } from '../fields';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: assumed('List contacts, page by page'),
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
					displayName: 'Updated Since',
					name: 'updatedSince',
					type: 'dateTime',
					default: '',
					description: 'Only contacts changed at or after this time',
				},
			],
		},
		...outputFields(CONTACT_OUTPUT),
	],
	async execute(i) {
		const shape = outputShaper(this, i, CONTACT_OUTPUT);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.updatedSince)
			qs[QUERY.updatedSince] = new Validator(this, i).dateTimeValue(
				filters.updatedSince,
				'Filters → Updated Since',
			);
		return shape(
			await loyalisticList(this, i, CALLS.contactGetMany, PATHS.contacts, qs, limitOf(this, i)),
			CONTACT_SIMPLE,
		);
	},
});
