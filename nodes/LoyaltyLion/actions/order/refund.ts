import type { INodeProperties } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { cents, fullUpdate, fullUpdateFields, money, refunded } from './fields';

// Refunding is the full update (orders/update-order) with refund_status and total_refunded; LoyaltyLion
// documents no /refund path. Full or partial follows from the totals: refunded when all that was paid is.

const refundAmountField: INodeProperties = {
	displayName: 'Refund Amount',
	name: 'refundAmount',
	type: 'string',
	default: '',
	placeholder: 'e.g. 10.00',
	description:
		'The amount refunded now, as a decimal. Leave empty to refund everything not refunded yet. It is added to what the order had refunded before.',
	displayOptions: { show: { '@version': [1.1] } },
};

const isLatest = (f: INodeProperties) =>
	(f.displayOptions?.show?.['@version'] as number[] | undefined)?.includes(1.1);

export default defineOperation({
	value: 'refund',
	name: 'Refund',
	action: 'Refund an order',
	description: 'Record a full or partial refund, keeping its payment and cancellation state',
	kind: 'write',
	records: ['orderId'],
	fields: [
		...fullUpdateFields(['refundStatus']).filter(
			(f) => !(f.name === 'totalRefunded' && isLatest(f)),
		),
		refundAmountField,
	],
	async execute(i) {
		if (this.getNode().typeVersion < 1.1) {
			// Version 1: the totals come from the item; the status follows from them.
			return await fullUpdate(
				this,
				i,
				(state, v) => {
					const paid = cents(state.total_paid);
					const total = cents(state.total_refunded);
					if (total <= 0) v.fail('Total Refunded', 'must be more than 0 for a refund');
					if (total > paid)
						v.fail(
							'Total Refunded',
							`cannot be more than the Total Paid (${state.total_paid}), got ${state.total_refunded}`,
						);
					return { refund_status: total === paid ? 'refunded' : 'partially_refunded' };
				},
				['refundStatus'],
			);
		}
		return await fullUpdate(
			this,
			i,
			(state, v) => {
				const remaining = cents(state.total_paid) - cents(state.total_refunded);
				const given = String(this.getNodeParameter('refundAmount', i, '') ?? '').trim();
				const amount = given ? cents(money(v, 'refundAmount', 'Refund Amount')) : remaining;
				if (amount <= 0)
					v.fail(
						'Refund Amount',
						given ? 'must be more than 0' : 'nothing is left to refund on this order',
					);
				if (amount > remaining)
					v.fail(
						'Refund Amount',
						`cannot be more than what is left to refund (${(remaining / 100).toFixed(2)}), got ${given}`,
					);
				return refunded(state, amount);
			},
			['refundStatus', 'totalRefunded'],
			// What was refunded before is the order's: always read it.
			{ readFirst: true },
		);
	},
});
