import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { loyalisticRequest, PATHS } from '../../transport';
import { companyIdField, idOf } from '../fields';

export const description: INodeProperties[] = fieldsFor('company', 'get', [companyIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return (await loyalisticRequest(this, i, 'GET', PATHS.company(idOf(this, i, 'companyId', 'Company ID')))).body;
}
