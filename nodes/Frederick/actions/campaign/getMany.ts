import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { frederickList, PATHS } from '../../transport';

export const description: INodeProperties[] = returnAllFields('campaign', 'getMany');

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await frederickList(this, i, PATHS.campaigns, {}, limitOf(this, i));
}
