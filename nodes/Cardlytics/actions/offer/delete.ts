import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField, offerIdField } from '../common';

export const description: INodeProperties[] = fieldsFor('offer', 'delete', [merchantIdField, offerIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const merchantId = v.id('merchantId', 'External Merchant ID');
	const offerId = v.id('offerId', 'External Offer ID');
	const response = await cardlyticsRequest(this, i, 'DELETE', PATHS.offer(merchantId, offerId));
	return {
		merchantId,
		offerId,
		deleted: true,
		status: response.statusCode,
		message: response.body.message,
		traceId: response.body.trace_id,
		requestId: response.requestId,
	};
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['offerId'];
