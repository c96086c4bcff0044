import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField, offerIdField } from '../common';

export default defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an offer',
	description:
		'Ask Cardlytics to delete an offer. It queues the deletion and answers 202; cardholders who activated the offer can still redeem it until its 30–45-day redemption window ends.',
	kind: 'write',
	records: ['offerId'],
	fields: [merchantIdField, offerIdField],
	async execute(i) {
		const v = new Validator(this, i);
		const merchantId = v.id('merchantId', 'External Merchant ID');
		const offerId = v.id('offerId', 'External Offer ID');
		const response = await cardlyticsRequest(this, i, 'DELETE', PATHS.offer(merchantId, offerId));
		return {
			merchantId,
			offerId,
			// 202: the deletion is queued (no endpoint reports when it is done).
			queued: true,
			status: response.statusCode,
			message: response.body.message,
			traceId: response.body.trace_id,
		};
	},
});
