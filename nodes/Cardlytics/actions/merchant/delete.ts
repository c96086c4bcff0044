import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField } from '../common';

export default defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a merchant',
	description: 'Delete a merchant and its offers',
	kind: 'write',
	records: ['merchantId'],
	fields: [merchantIdField],
	async execute(i) {
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
	},
});
