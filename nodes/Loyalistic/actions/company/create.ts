import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { collectionBody, companyOptionalFields } from '../fields';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a company',
	description: assumed('Create a company'),
	kind: 'write',
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Acme Oy',
			required: true,
			default: '',
			description: 'Company name',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: companyOptionalFields.filter((f) => f.name !== 'name'),
		},
	],
	async execute(i) {
		const name = new Validator(this, i).string('name', 'Name');
		const body = { ...collectionBody(this, i, 'additionalFields', 'Additional Fields'), name };
		return (await loyalisticRequest(this, i, CALLS.companyCreate.method, PATHS.companies, { body }))
			.body;
	},
});
