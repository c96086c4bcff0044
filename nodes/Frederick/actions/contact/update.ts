import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { frederickRequest, PATHS, shape } from '../../transport';
import { contactAttributeFields, contactAttributes, contactIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('contact', 'update', [
	contactIdField,
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: contactAttributeFields },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const id = v.id('contactId', 'Contact ID');
	const attributes = contactAttributes(this, i, 'updateFields', 'Update Fields');
	v.changes(attributes);
	const body = { data: { type: 'contacts', id, attributes } };
	// PATCH sets the given fields: repeating it changes nothing more, so it is retried after a 5xx.
	return shape(this, i, (await frederickRequest(this, i, 'PATCH', PATHS.contact(id), { body, idempotent: true })).body.data);
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['contactId'];
