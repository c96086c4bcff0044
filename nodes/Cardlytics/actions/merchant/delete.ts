import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField } from '../common';

export const description: INodeProperties[] = fieldsFor('merchant', 'delete', [merchantIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const merchantId = new Validator(this, i).id('merchantId', 'External Merchant ID');
	const response = await cardlyticsRequest(this, i, 'DELETE', PATHS.merchant(merchantId));
	return {
		merchantId,
		deleted: true,
		status: response.statusCode,
		message: response.body.message,
		traceId: response.body.trace_id,
		requestId: response.requestId,
	};
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['merchantId'];
