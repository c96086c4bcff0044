import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { loyalisticRequest, PATHS } from '../../transport';
import { contactIdField, idOf, listIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('list', 'removeContact', [listIdField, contactIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const listId = idOf(this, i, 'listId', 'List ID');
	const contactId = idOf(this, i, 'contactId', 'Contact ID');
	await loyalisticRequest(this, i, 'DELETE', PATHS.listContact(listId, contactId));
	return { listId, contactId, removed: true };
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['contactId'];
