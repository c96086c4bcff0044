import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalisticRequest, PATHS } from '../../transport';
import { collectionBody, contactOptionalFields } from '../fields';

export const description: INodeProperties[] = fieldsFor('contact', 'create', [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email address of the new contact' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactOptionalFields.filter((f) => f.name !== 'email'),
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const email = new Validator(this, i).email('email', 'Email');
	const body = { ...collectionBody(this, i, 'additionalFields', 'Additional Fields'), email };
	return (await loyalisticRequest(this, i, 'POST', PATHS.contacts, { body })).body;
}
