import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { loyalisticRequest, PATHS } from '../../transport';
import { contactIdField, idOf } from '../fields';

export const description: INodeProperties[] = fieldsFor('contact', 'delete', [contactIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = idOf(this, i, 'contactId', 'Contact ID');
	await loyalisticRequest(this, i, 'DELETE', PATHS.contact(id));
	return { id, deleted: true };
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['contactId'];
