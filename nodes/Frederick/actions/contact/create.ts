import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { frederickRequest, PATHS, shape } from '../../transport';
import { contactAttributeFields, contactAttributes } from '../fields';

export const description: INodeProperties[] = fieldsFor('contact', 'create', [
	{
		displayName: 'Contact Fields',
		name: 'contactFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'A contact needs at least an email or a phone',
		options: contactAttributeFields,
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const attributes = contactAttributes(this, i, 'contactFields', 'Contact Fields');
	if (!attributes.email && !attributes.phone) new Validator(this, i).fail('Contact Fields', 'need an Email or a Phone');
	const body = { data: { type: 'contacts', attributes } };
	return shape(this, i, (await frederickRequest(this, i, 'POST', PATHS.contacts, { body })).body.data);
}
