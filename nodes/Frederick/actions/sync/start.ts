import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { markSync, startDescription } from './run';

export const description = startDescription;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await markSync(this, i, 'started');
}
