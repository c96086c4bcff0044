import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberOptionalFields, relationReferenceField } from '../fields';
import { memberBody } from './body';

export const description: INodeProperties[] = fieldsFor('member', 'create', [
	relationReferenceField,
	{ displayName: 'Full Name', name: 'fullName', type: 'string', placeholder: 'e.g. Ada Lovelace', required: true, default: '', description: 'Full name of the member' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: memberOptionalFields.filter((f) => f.name !== 'full_name'),
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const body = {
		relation_reference: v.string('relationReference', 'Member Relation Reference'),
		full_name: v.string('fullName', 'Full Name'),
		...memberBody(this, i, 'additionalFields', 'Additional Fields'),
	};
	return (await loyalifeRequest(this, i, 'POST', PATHS.createMember, { body, program: true })).data;
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['relationReference'];
