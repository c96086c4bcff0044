import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { loyalisticList, PATHS } from '../../transport';

export const description: INodeProperties[] = returnAllFields('company', 'getMany');

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await loyalisticList(this, i, PATHS.companies, {}, limitOf(this, i));
}
