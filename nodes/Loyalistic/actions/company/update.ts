import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalisticRequest, PATHS } from '../../transport';
import { collectionBody, companyIdField, companyOptionalFields, idOf } from '../fields';

export const description: INodeProperties[] = fieldsFor('company', 'update', [
	companyIdField,
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: companyOptionalFields },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = idOf(this, i, 'companyId', 'Company ID');
	return (await loyalisticRequest(this, i, 'PUT', PATHS.company(id), { body: new Validator(this, i).changes(collectionBody(this, i, 'updateFields', 'Update Fields')) })).body;
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['companyId'];
