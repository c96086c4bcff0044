import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { simplified, simplifyProperty } from '../../../shared/simplify';
import { loyalisticRequest, PATHS } from '../../transport';
import { CONTACT_SIMPLE, contactIdField, idOf } from '../fields';

export const description: INodeProperties[] = [...fieldsFor('contact', 'get', [contactIdField]), simplifyProperty('contact', ['get'])];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const contact = (await loyalisticRequest(this, i, 'GET', PATHS.contact(idOf(this, i, 'contactId', 'Contact ID')))).body;
	return simplified(this, i, [contact], CONTACT_SIMPLE)[0];
}
