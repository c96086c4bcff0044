import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { fullUpdate, fullUpdateFields } from './fields';

// Cancelling is the full update (orders/update-order) with cancellation_status "cancelled"; LoyaltyLion
// documents no /cancel path. The update still carries the order's current payment and refund state.
export const description: INodeProperties[] = fieldsFor('order', 'cancel', fullUpdateFields(['cancellationStatus']));

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await fullUpdate(this, i, { cancellation_status: 'cancelled' });
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['orderId'];
