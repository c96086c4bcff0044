import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField } from '../common';

export default defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a merchant',
	description:
		"Ask Cardlytics to delete a merchant. It queues the deletion and answers 202; what happens to the merchant's offers is not documented.",
	kind: 'write',
	records: ['merchantId'],
	fields: [merchantIdField],
	async execute(i) {
		const merchantId = new Validator(this, i).id('merchantId', 'External Merchant ID');
		const response = await cardlyticsRequest(this, i, 'DELETE', PATHS.merchant(merchantId));
		return {
			merchantId,
			// 202: the deletion is queued (no endpoint reports when it is done).
			queued: true,
			status: response.statusCode,
			message: response.body.message,
			traceId: response.body.trace_id,
		};
	},
});
