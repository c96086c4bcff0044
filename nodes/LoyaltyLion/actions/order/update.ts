import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { fullUpdate, fullUpdateFields } from './fields';

// developers.loyaltylion.com/api-reference/v2/resources/orders/update-order: a full update.
export const description: INodeProperties[] = fieldsFor('order', 'update', fullUpdateFields([]));

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await fullUpdate(this, i);
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['orderId'];
