// Webhook deliveries.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { WRAPPED_TOPICS, SEGMENT_TOPICS } from './program.cjs';
import type { Store } from './store.cjs';
import type { DeliveryRecord, PendingEvent, Webhook } from './model.cjs';

/** An event as delivered: its fields other than the head are the topic's (dynamic JSON). */
export interface WebhookEvent {
	id: string;
	topic: string;
	created_at: string;
	[field: string]: unknown;
}

/** Forged deliveries for tests. */
export interface Tamper {
	signature?: string;
	alterBody?: boolean;
	omitSignature?: boolean;
	secret?: string;
	event?: WebhookEvent;
}

/** A topic's fields, e.g. {customer} (dynamic JSON). */
export type EventData = Record<string, unknown>;

export function makeDelivery(ll: Store) {
	const { randomId, state, seq, nowIso } = ll;
	/** POSTs one signed delivery; resolves with the receiver's status (0 when unreachable or over 5 s). */
	const post = (webhook: Webhook, body: string, headers: Record<string, string>) =>
		new Promise<number>((resolve) => {
			const url = new URL(webhook.address);
			const req = http.request(
				{
					method: 'POST',
					hostname: url.hostname,
					port: url.port,
					path: url.pathname + url.search,
					headers: {
						'Content-Type': 'application/json',
						'Content-Length': Buffer.byteLength(body),
						...headers,
					},
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
				},
			);
			req.on('error', () => resolve(0));
			req.setTimeout(5000, () => req.destroy());
			req.end(body);
		});
	const sign = (secret: string, raw: string) =>
		crypto.createHmac('sha256', secret).update(raw).digest('base64');

	/**
	 * The event body for a topic (developers.loyaltylion.com/api-reference/v2/webhooks/overview): `data` holds the topic's fields (e.g. {customer}).
	 *  - customers/update: `customer` at the top level next to id/topic/created_at (no payload)
	 *  - loyalty_emails/unsubscribe: payload.unsubscribe.customer
	 *  - insight-segment topics: the fields directly in payload
	 *  - tier_upgraded/downgraded, approaching_*_expiration: payload {id, created_at, kind, unique_until, properties}
	 *  - the other program_events: payload.properties
	 * Data already in the documented shape (a `properties` or `unsubscribe` key) is used as it is.
	 */
	const envelope = (topic: string, data: EventData | undefined): WebhookEvent => {
		const head = { id: `evt_${seq.event++}`, topic, created_at: nowIso() };
		const d: EventData = data ?? {};
		if (topic === 'customers/update') return { ...head, customer: d.customer ?? null };
		if (topic === 'loyalty_emails/unsubscribe')
			return {
				...head,
				payload: d.unsubscribe ? d : { unsubscribe: { customer: d.customer ?? null } },
			};
		if (SEGMENT_TOPICS.has(topic) || !topic.startsWith('program_events/'))
			return { ...head, payload: d };
		if (d.properties && !d.customer) return { ...head, payload: d };
		if (WRAPPED_TOPICS.has(topic))
			return {
				...head,
				payload: {
					id: randomId('pe_', 8),
					created_at: head.created_at,
					kind: topic.slice('program_events/'.length),
					unique_until: new Date(Date.now() + 7 * 86_400_000).toISOString(),
					properties: d,
				},
			};
		return { ...head, payload: { properties: d } };
	};

	/**
	 * Delivers an event to every webhook subscribed to its topic, signed as LoyaltyLion signs: base64
	 * HMAC-SHA256 of the raw body keyed by the OAuth client secret or the site secret. Only Content-Type and
	 * x-loyaltylion-hmac-sha256 are sent (other delivery headers are not public).
	 * `tamper` lets tests send forged deliveries: {signature?, alterBody?, omitSignature?, secret?, event?}.
	 * A simplification: a failed delivery is recorded in failedDeliveries and not retried (LoyaltyLion retries
	 * with exponential backoff; its schedule and end are not public), so tests resend with `event`.
	 */
	async function deliver(topic: string, data: EventData | undefined, tamper: Tamper = {}) {
		const event = tamper.event ?? envelope(topic, data);
		const results: DeliveryRecord[] = [];
		for (const webhook of [...state.webhooks.values()]) {
			if (webhook.topic !== topic) continue;
			const raw = JSON.stringify(event);
			const signature = tamper.signature ?? sign(tamper.secret ?? webhook.secret, raw);
			const sent = tamper.alterBody ? raw.replace(/^\{/, '{"injected":true,') : raw;
			const headers: Record<string, string> = {};
			if (!tamper.omitSignature) headers['x-loyaltylion-hmac-sha256'] = signature;
			const status = await post(webhook, sent, headers);
			const record = { webhookId: webhook.id, eventId: event.id, topic, status };
			state.deliveries.push(record);
			if (status < 200 || status >= 300) state.failedDeliveries.push(record);
			results.push(record);
		}
		return { event, results };
	}
	function subscribed(topic: string) {
		for (const w of state.webhooks.values()) if (w.topic === topic) return true;
		return false;
	}
	function deliverTopic(topic: string, data: EventData) {
		if (subscribed(topic)) deliver(topic, JSON.parse(JSON.stringify(data))).catch(() => undefined);
	}
	/** Runs `send` after `ms` (kept in pendingEvents until then; control `flushEvents` runs them now). */
	function later(ms: number, send: () => void) {
		const entry: PendingEvent = { send, at: Date.now() + ms };
		entry.timer = setTimeout(() => {
			state.pendingEvents.splice(state.pendingEvents.indexOf(entry), 1);
			send();
		}, ms);
		entry.timer.unref?.();
		state.pendingEvents.push(entry);
	}
	return { post, sign, envelope, deliver, subscribed, deliverTopic, later };
}

export type Delivery = ReturnType<typeof makeDelivery>;
