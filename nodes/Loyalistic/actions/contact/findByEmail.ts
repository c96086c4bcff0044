import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalisticList, PATHS } from '../../transport';

export const description: INodeProperties[] = fieldsFor('contact', 'findByEmail', [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address to look up. When no contact has it, the node outputs nothing for this item (turn on Always Output Data in the node settings to go on anyway).',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const email = new Validator(this, i).email('email', 'Email');
	return await loyalisticList(this, i, PATHS.contacts, { email }, 1);
}
