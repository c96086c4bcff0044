import { eventData, TOPIC_SCOPES } from '../../nodes/LoyaltyLion/LoyaltyLionTrigger.node';

describe('LoyaltyLion webhook events', () => {
	test('the fields come out flat whatever the topic nests them in', () => {
		// customers/update: beside the envelope (the trigger passes those fields as the payload)
		expect(eventData({ customer: { id: 1 } })).toEqual({ customer: { id: 1 } });
		// program events: payload.properties
		expect(eventData({ properties: { customer: { id: 1 }, points: 5 } })).toEqual({
			customer: { id: 1 },
			points: 5,
		});
		// tier changes: payload.id, kind … beside payload.properties
		expect(
			eventData({ id: 'e1', kind: 'customer.tier_upgraded', properties: { new_tier: { id: 2 } } }),
		).toEqual({ id: 'e1', kind: 'customer.tier_upgraded', new_tier: { id: 2 } });
		// insight segments: directly in payload
		expect(eventData({ customer: { id: 1 }, new_insight_segment: 'Loyal' })).toEqual({
			customer: { id: 1 },
			new_insight_segment: 'Loyal',
		});
		// loyalty_emails/unsubscribe: payload.unsubscribe.customer
		expect(eventData({ unsubscribe: { customer: { id: 1, email: 'a@b.c' } } })).toEqual({
			customer: { id: 1, email: 'a@b.c' },
		});
	});

	test('exactly the 17 subscribable topics, each with its scope', () => {
		expect(Object.keys(TOPIC_SCOPES)).toHaveLength(17);
		expect(TOPIC_SCOPES).not.toHaveProperty(['rewards/store_fulfilment']);
		expect(TOPIC_SCOPES['program_events/customer.rule_completed']).toBe(
			'read_customers and read_orders',
		);
	});
});
