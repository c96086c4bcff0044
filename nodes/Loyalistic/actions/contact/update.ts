import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalisticRequest, PATHS } from '../../transport';
import { collectionBody, contactIdField, contactOptionalFields, idOf } from '../fields';

export const description: INodeProperties[] = fieldsFor('contact', 'update', [
	contactIdField,
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: contactOptionalFields },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = idOf(this, i, 'contactId', 'Contact ID');
	const body = new Validator(this, i).changes(collectionBody(this, i, 'updateFields', 'Update Fields'));
	return (await loyalisticRequest(this, i, 'PUT', PATHS.contact(id), { body })).body;
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['contactId'];
