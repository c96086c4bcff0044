import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalisticRequest, PATHS } from '../../transport';
import { collectionBody, companyOptionalFields } from '../fields';

export const description: INodeProperties[] = fieldsFor('company', 'create', [
	{ displayName: 'Name', name: 'name', type: 'string', placeholder: 'e.g. Acme Oy', required: true, default: '', description: 'Company name' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: companyOptionalFields.filter((f) => f.name !== 'name'),
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = new Validator(this, i).string('name', 'Name');
	const body = { ...collectionBody(this, i, 'additionalFields', 'Additional Fields'), name };
	return (await loyalisticRequest(this, i, 'POST', PATHS.companies, { body })).body;
}
