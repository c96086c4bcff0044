import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { loyalisticRequest, PATHS } from '../../transport';
import { contactIdField, idOf } from '../fields';

export const description: INodeProperties[] = fieldsFor('contact', 'get', [contactIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return (await loyalisticRequest(this, i, 'GET', PATHS.contact(idOf(this, i, 'contactId', 'Contact ID')))).body;
}
