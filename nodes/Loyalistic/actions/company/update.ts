import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { collectionBody, companyIdField, companyOptionalFields, idOf } from '../fields';

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a company',
	description: assumed('Change fields of a company'),
	kind: 'write',
	records: ['companyId'],
	fields: [
		companyIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: companyOptionalFields,
		},
	],
	async execute(i) {
		const id = idOf(this, i, 'companyId', 'Company ID');
		return (
			await loyalisticRequest(this, i, CALLS.companyUpdate.method, PATHS.company(id), {
				body: new Validator(this, i).changes(
					collectionBody(this, i, 'updateFields', 'Update Fields'),
				),
			})
		).body;
	},
});
