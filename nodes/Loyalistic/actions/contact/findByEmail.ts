import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { simplified, simplifyProperty } from '../../../shared/simplify';
import { Validator } from '../../../shared/validate';
import { loyalisticList, PATHS } from '../../transport';
import { CONTACT_SIMPLE } from '../fields';

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
]).concat(simplifyProperty('contact', ['findByEmail']));

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const email = new Validator(this, i).email('email', 'Email');
	return simplified(this, i, await loyalisticList(this, i, PATHS.contacts, { email }, 1), CONTACT_SIMPLE);
}
