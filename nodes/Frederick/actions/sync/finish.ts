import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { finishDescription, markSync } from './run';

export const description = finishDescription;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await markSync(this, i, 'finished');
}
