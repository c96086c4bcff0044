import { createHmac, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import {
	authenticationProperties,
	credentialsDescription,
	loyaltyLionRequest,
	authenticationOf,
	credentialTypeOf,
	PATHS,
} from './transport';
import { claimEvent, DEFAULT_RETENTION_MS } from '../shared/webhook/dedupe';

/**
 * The 17 topics POST /v2/webhooks accepts, with the scope each needs (webhooks/create-webhook and the
 * topic pages under webhooks/events). rewards/store_fulfilment is managed from the custom reward in the
 * LoyaltyLion admin and refused by the API. The at-risk segment's page is not public: its scope is
 * assumed to be that of the other segment topics.
 */
export const TOPIC_SCOPES: Record<string, string> = {
	'customers/update': 'read_customers',
	'loyalty_emails/unsubscribe': 'read_unsubscribes',
	'program_events/customer.enrolled': 'read_customers',
	'program_events/customer.tier_upgraded': 'read_customers',
	'program_events/customer.tier_downgraded': 'read_customers',
	'program_events/customer.points_earned': 'read_customers',
	'program_events/customer.reward_available_notification': 'read_customers',
	'program_events/customer.recurring_reward_available_reminder': 'read_customers',
	'program_events/customer.claimed_reward': 'read_customers',
	'program_events/customer.referral_complete': 'read_customers and read_orders',
	'program_events/customer.rule_completed': 'read_customers and read_orders',
	'program_events/customer.approaching_tier_upgrade': 'read_customers',
	'program_events/customer.moved_to_at_risk_segment': 'read_customers',
	'program_events/customer.moved_to_defected_segment': 'read_customers',
	'program_events/customer.moved_to_loyal_segment': 'read_customers',
	'program_events/customer.approaching_points_expiration': 'read_customers',
	'program_events/customer.approaching_reward_expiration': 'read_customers',
};
export const TOPICS = Object.keys(TOPIC_SCOPES);

/** What a credential lacks when the trigger cannot verify deliveries, by Authentication. */
const MISSING_SIGNING_KEY: Record<string, { message: string; why: string; fix: string }> = {
	apiKey: {
		message: 'The LoyaltyLion API credential has no Site Secret',
		why: 'LoyaltyLion signs webhooks created with an API key with your site secret.',
		fix: 'Add the Site Secret to the credential',
	},
	oAuth2: {
		message: 'The LoyaltyLion partner app credential has no Client Secret',
		why: "LoyaltyLion signs webhooks created by a partner app with the app's client secret.",
		fix: 'Add the Client Secret to the credential',
	},
	apiToken: {
		message: 'The LoyaltyLion token and secret credential has no Secret',
		why: 'LoyaltyLion signs webhooks created with token and secret with your site secret (assumed to be this secret).',
		fix: 'Add the Secret to the credential',
	},
};

/**
 * Default maximum event age. ASSUMED: LoyaltyLion documents that failed deliveries are retried with backoff
 * but not for how long; 72 hours covers a weekend outage of the receiving n8n.
 */
export const DEFAULT_MAX_AGE_MINUTES = 72 * 60;
/**
 * The largest body the node reads itself (n8n reads JSON bodies before the node runs, up to its
 * N8N_PAYLOAD_SIZE_MAX, 16 MiB by default); the same bound for the bodies n8n leaves to the node.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

interface StaticData {
	webhookIds?: Record<string, number | string>;
	/** Accepted event ids of the Max Event Age window (see claimEvent). */
	events?: unknown;
	/** The count-bounded id list of earlier versions, merged into `events` on the next delivery. */
	seen?: string[];
}

/** A LoyaltyLion delivery body: {id, topic, created_at, payload}. */
interface LoyaltyLionEvent {
	id: string | number;
	topic: string;
	created_at: string;
	payload?: IDataObject;
	[key: string]: unknown;
}

/** The event in a raw body, or why it is not one. JSON whatever the Content-Type said. */
export function parseEvent(raw: Buffer): LoyaltyLionEvent | string {
	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return 'the body is not JSON';
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return 'the body is not a JSON object';
	const event = body as Partial<LoyaltyLionEvent>;
	if ((typeof event.id !== 'string' && typeof event.id !== 'number') || String(event.id) === '')
		return 'the event has no id';
	if (typeof event.topic !== 'string' || !event.topic) return 'the event has no topic';
	if (typeof event.created_at !== 'string' || Number.isNaN(Date.parse(event.created_at)))
		return 'the event has no valid created_at';
	return event as LoyaltyLionEvent;
}

interface WebhookRecord {
	id: number | string;
	topic: string;
	address: string;
}

/**
 * The secret LoyaltyLion signs deliveries with (developers.loyaltylion.com/api-reference/v2/webhooks/overview):
 * the OAuth client secret for webhooks an OAuth app created, the site secret for all others (API key: the
 * credential's Site Secret; token and secret: assumed to be the same secret, not public).
 */
async function signingSecret(ctx: IWebhookFunctions | IHookFunctions): Promise<string> {
	const authentication = authenticationOf(ctx);
	const credentials = await ctx.getCredentials(credentialTypeOf(authentication));
	if (authentication === 'oAuth2') return String(credentials.clientSecret ?? '');
	if (authentication === 'apiKey') return String(credentials.siteSecret ?? '').trim();
	return String(credentials.secret ?? '');
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The event's fields wherever the topic nests them (webhooks overview and topic pages): beside the
 * envelope (customers/update), in `payload`, in `payload.properties` (program events) or in
 * `payload.unsubscribe` (loyalty_emails/unsubscribe); one flat object a workflow can map.
 */
export function eventData(payload: IDataObject): IDataObject {
	const { properties, unsubscribe, ...rest } = payload;
	return {
		...rest,
		...(isObject(unsubscribe) ? unsubscribe : {}),
		...(isObject(properties) ? properties : {}),
	};
}

/** The fields of a delivery that sit beside its envelope (id, topic, created_at). */
function payloadBeside(event: IDataObject): IDataObject {
	const rest = { ...event };
	for (const key of ['id', 'topic', 'created_at']) delete rest[key];
	return rest;
}

/** Timing-safe comparison of the base64 HMAC-SHA256 of the raw body with the header. */
export function verifySignature(
	secret: string,
	rawBody: Buffer,
	header: string | undefined,
): boolean {
	if (!secret || !header) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	let given: Buffer;
	try {
		given = Buffer.from(header, 'base64');
	} catch {
		return false; // not base64: cannot be a valid signature
	}
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export class LoyaltyLionTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LoyaltyLion Trigger',
		name: 'loyaltyLionTrigger',
		icon: {
			light: 'file:../../icons/loyaltylion.svg',
			dark: 'file:../../icons/loyaltylion.dark.svg',
		},
		group: ['trigger'],
		// The node's section of the README (the service packages' READMEs are made from it).
		documentationUrl: 'https://github.com/n8n-nodes-loyalty/n8n-nodes-loyalty#loyaltylion-1',
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ ($parameter["topics"] || []).join(", ") }}',
		description: 'Starts the workflow when LoyaltyLion sends a signed webhook event',
		defaults: { name: 'LoyaltyLion Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			...authenticationProperties,
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				required: true,
				options: TOPICS.map((topic) => ({
					name: topic,
					value: topic,
					description: `Needs the ${TOPIC_SCOPES[topic]} scope${topic === 'program_events/customer.moved_to_at_risk_segment' ? ' (assumed: its page is not public)' : ''}`,
				})),
				default: ['program_events/customer.points_earned'],
				description:
					"Events to receive. A subscription is created in LoyaltyLion per topic when the workflow is activated; on deactivation the node deletes it (its DELETE call is assumed: not public). If the delete fails, deactivation still succeeds and n8n's log names the subscription ID: check the webhooks in the LoyaltyLion admin after deactivating.",
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Drop Duplicate Deliveries',
						name: 'dropDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether to answer a repeated delivery of an event already received (same event ID) without starting the workflow again',
					},
					{
						displayName: 'Max Event Age (Minutes)',
						name: 'maxAgeMinutes',
						type: 'number',
						default: DEFAULT_MAX_AGE_MINUTES,
						typeOptions: { minValue: 0 },
						description:
							'Ignore events sent longer ago than this (their created_at, the send time), so a captured delivery cannot be replayed later. LoyaltyLion retries failed deliveries for a while, so keep it generous: the default is 72 hours. Duplicates are recognised for this long after an event first arrives; 0 puts no limit on the age, and duplicates are then recognised for 72 hours.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const address = this.getNodeWebhookUrl('default') as string;
				const topics = this.getNodeParameter('topics', []) as string[];
				const { body } = await loyaltyLionRequest<{ webhooks: WebhookRecord[] }>(
					this,
					undefined,
					'GET',
					PATHS.webhooks,
				);
				const mine = (body.webhooks ?? []).filter((w) => w.address === address);
				const ids: Record<string, number | string> = {};
				for (const topic of topics) {
					const found = mine.find((w) => w.topic === topic);
					if (!found) return false;
					ids[topic] = found.id;
				}
				(this.getWorkflowStaticData('node') as StaticData).webhookIds = ids;
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const address = this.getNodeWebhookUrl('default') as string;
				const topics = this.getNodeParameter('topics', []) as string[];
				if (!topics.length) {
					throw new NodeApiError(
						this.getNode(),
						{ message: 'No topics' },
						{ message: 'Choose at least one topic to subscribe to' },
					);
				}
				// An expression can name any text; LoyaltyLion subscribes only these 17 (it refuses others).
				const unknown = topics.filter((topic) => !TOPICS.includes(topic));
				if (unknown.length) {
					throw new NodeOperationError(
						this.getNode(),
						`LoyaltyLion has no webhook topic ${unknown.map((t) => `"${t}"`).join(', ')}`,
						{ description: `Choose topics from the list: ${TOPICS.join(', ')}.` },
					);
				}
				if (!(await signingSecret(this))) {
					// Without it every delivery would be refused as unsigned: say so now, before subscribing.
					const missing = MISSING_SIGNING_KEY[authenticationOf(this)] ?? MISSING_SIGNING_KEY.apiKey;
					throw new NodeOperationError(this.getNode(), missing.message, {
						description: `${missing.why} This trigger refuses deliveries it cannot verify. ${missing.fix}, then activate the workflow again.`,
					});
				}
				const { body } = await loyaltyLionRequest<{ webhooks: WebhookRecord[] }>(
					this,
					undefined,
					'GET',
					PATHS.webhooks,
				);
				const existing = (body.webhooks ?? []).filter((w) => w.address === address);
				const ids: Record<string, number | string> = {};
				for (const topic of topics) {
					const found = existing.find((w) => w.topic === topic);
					if (found) {
						ids[topic] = found.id;
						continue;
					}
					const created = await loyaltyLionRequest<{ webhook: WebhookRecord }>(
						this,
						undefined,
						'POST',
						PATHS.webhooks,
						{
							body: { webhook: { topic, address } },
						},
					);
					ids[topic] = created.body.webhook.id;
				}
				(this.getWorkflowStaticData('node') as StaticData).webhookIds = ids;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as StaticData;
				for (const [topic, id] of Object.entries(data.webhookIds ?? {})) {
					try {
						await loyaltyLionRequest(this, undefined, 'DELETE', PATHS.webhook(id));
					} catch (error) {
						// The delete call is assumed (no page names it), so no answer proves the subscription is
						// gone or still there. A workflow must stay deactivatable: warn with the id to remove by hand.
						const status = (error as NodeApiError).httpCode ?? 'no answer';
						this.logger.warn(
							`LoyaltyLion Trigger: could not remove webhook subscription ${id} (${topic}) on deactivation (HTTP ${status}). ` +
								`If it is still listed in the LoyaltyLion admin's webhooks, remove subscription ${id} there.`,
							{ webhookId: id, topic, status },
						);
					}
				}
				delete data.webhookIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const tooLarge = {
			error: `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB: not a LoyaltyLion event`,
		};
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};

		// An unsigned request is refused before its body is touched.
		const header = this.getHeaderData()['x-loyaltylion-hmac-sha256'] as string | undefined;
		if (!header) return answer(401, { error: 'Missing x-loyaltylion-hmac-sha256 header' });
		// The signature covers the raw bytes, whatever the Content-Type said; n8n keeps them as rawBody for
		// every type it reads (all but multipart, which LoyaltyLion never sends). Types n8n does not read before
		// a node of version 1.1 runs (e.g. application/octet-stream) are read here, after their size is checked.
		const request = req as unknown as { rawBody?: Buffer; readRawBody?: () => Promise<void> };
		if (!request.rawBody && typeof request.readRawBody === 'function') {
			const declared = Number(this.getHeaderData()['content-length']);
			if (declared > MAX_BODY_BYTES) return answer(413, tooLarge);
			try {
				await request.readRawBody();
			} catch (error) {
				if ((error as { status?: number }).status === 413) return answer(413, tooLarge);
				return answer(400, { error: 'Not a LoyaltyLion event: the body could not be read' });
			}
		}
		const raw = request.rawBody;
		if (!raw || !Buffer.isBuffer(raw))
			return answer(400, { error: 'Not a LoyaltyLion event: no body' });
		if (!verifySignature(await signingSecret(this), raw, header)) {
			return answer(401, { error: 'Invalid signature' });
		}
		const event = parseEvent(raw);
		if (typeof event === 'string')
			return answer(400, { error: `Not a LoyaltyLion event: ${event}` });

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const maxAge = Number(options.maxAgeMinutes ?? DEFAULT_MAX_AGE_MINUTES);
		if (maxAge > 0 && Date.now() - Date.parse(event.created_at) > maxAge * 60_000) {
			// Any non-2xx is a failed delivery LoyaltyLion retries (webhooks overview): answer 200, start nothing.
			return answer(200, { received: true, ignored: `older than ${maxAge} minutes` });
		}
		if (options.dropDuplicates !== false) {
			const fresh = claimEvent(
				this.getWorkflowStaticData('node') as StaticData as Record<string, unknown>,
				String(event.id),
				{
					key: `${this.getWorkflow().id ?? ''}:${this.getNode().name}`,
					// Every event still young enough to be accepted is remembered; without an age limit, 72 hours.
					retentionMs: maxAge > 0 ? maxAge * 60_000 : DEFAULT_RETENTION_MS,
					field: 'events',
					legacyField: 'seen',
				},
			);
			if (!fresh) return answer(200, { received: true, duplicate: true });
		}
		const topics = this.getNodeParameter('topics', []) as string[];
		if (event.topic !== undefined && topics.length && !topics.includes(String(event.topic))) {
			// A leftover subscription to this URL: acknowledged (a non-2xx is retried), nothing started.
			return answer(200, { received: true, ignored: `topic ${String(event.topic)} not selected` });
		}
		const payload = isObject(event.payload) ? event.payload : payloadBeside(event as IDataObject);
		// LoyaltyLion needs a 200 within 5 s and reads nothing from the body: answer now, then run.
		res.status(200).json({ received: true });
		return {
			noWebhookResponse: true,
			workflowData: [
				this.helpers.returnJsonArray({
					...event,
					// customers/update puts its fields beside id, topic and created_at, with no payload
					// (webhooks/events/customers-update): the event's payload is then those fields.
					payload,
					data: eventData(payload),
				} as IDataObject),
			],
		};
	}
}
