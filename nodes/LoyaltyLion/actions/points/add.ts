import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { pointsFields } from '../fields';
import { changePoints } from './change';

export const description: INodeProperties[] = fieldsFor('points', 'add', pointsFields);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await changePoints(this, i, 'add');
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['merchantId'];
