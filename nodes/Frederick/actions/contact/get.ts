import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { frederickRequest, PATHS, shape } from '../../transport';
import { contactIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('contact', 'get', [contactIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = new Validator(this, i).id('contactId', 'Contact ID');
	return shape(this, i, (await frederickRequest(this, i, 'GET', PATHS.contact(id))).body.data);
}
