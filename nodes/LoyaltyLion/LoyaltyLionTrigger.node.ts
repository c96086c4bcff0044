import { createHmac, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import { authenticationProperty, credentialsDescription, loyaltyLionRequest, PARTNER_APP_TYPE, PATHS, SINGLE_STORE_TYPE } from './transport';

/** Webhook topics LoyaltyLion documents. */
export const TOPICS = [
	'customers/update',
	'loyalty_emails/unsubscribe',
	'rewards/store_fulfilment',
	'program_events/customer.enrolled',
	'program_events/customer.tier_upgraded',
	'program_events/customer.tier_downgraded',
	'program_events/customer.points_earned',
	'program_events/customer.claimed_reward',
	'program_events/customer.referral_complete',
	'program_events/customer.rule_completed',
	'program_events/customer.reward_available_notification',
	'program_events/customer.approaching_tier_upgrade',
	'program_events/customer.moved_to_at_risk_segment',
];

/** Event ids remembered to drop duplicate deliveries (LoyaltyLion retries failed deliveries). */
const SEEN_LIMIT = 1000;

interface StaticData {
	webhookIds?: Record<string, number | string>;
	seen?: string[];
}

interface WebhookRecord {
	id: number | string;
	topic: string;
	address: string;
}

/** The secret LoyaltyLion signs deliveries with: the OAuth client secret, or the store's API secret. */
async function signingSecret(ctx: IWebhookFunctions): Promise<string> {
	const authentication = ctx.getNodeParameter('authentication', 'apiToken') as string;
	if (authentication === 'oAuth2') return String((await ctx.getCredentials(PARTNER_APP_TYPE)).clientSecret ?? '');
	return String((await ctx.getCredentials(SINGLE_STORE_TYPE)).secret ?? '');
}

/** Timing-safe comparison of the base64 HMAC-SHA256 of the raw body with the header. */
export function verifySignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
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
		icon: { light: 'file:../../icons/loyaltylion.svg', dark: 'file:../../icons/loyaltylion.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["topics"] || []).join(", ") }}',
		description: 'Starts the workflow when LoyaltyLion sends a signed webhook event',
		defaults: { name: 'LoyaltyLion Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			authenticationProperty,
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				required: true,
				options: TOPICS.map((topic) => ({ name: topic, value: topic })),
				default: ['program_events/customer.points_earned'],
				description: 'Events to receive. A subscription is created in LoyaltyLion per topic when the workflow is activated, and deleted when it is deactivated.',
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
						description: 'Whether to answer a repeated delivery of an event already received (same event ID) without starting the workflow again',
					},
					{
						displayName: 'Max Event Age (Minutes)',
						name: 'maxAgeMinutes',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description: 'Refuse events created longer ago than this (0: no limit). LoyaltyLion retries failed deliveries for a while, so keep it generous.',
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
				const { body } = await loyaltyLionRequest<{ webhooks: WebhookRecord[] }>(this, undefined, 'GET', PATHS.webhooks);
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
					throw new NodeApiError(this.getNode(), { message: 'No topics' }, { message: 'Choose at least one topic to subscribe to' });
				}
				const { body } = await loyaltyLionRequest<{ webhooks: WebhookRecord[] }>(this, undefined, 'GET', PATHS.webhooks);
				const existing = (body.webhooks ?? []).filter((w) => w.address === address);
				const ids: Record<string, number | string> = {};
				for (const topic of topics) {
					const found = existing.find((w) => w.topic === topic);
					if (found) {
						ids[topic] = found.id;
						continue;
					}
					const created = await loyaltyLionRequest<{ webhook: WebhookRecord }>(this, undefined, 'POST', PATHS.webhooks, {
						body: { webhook: { topic, address } },
					});
					ids[topic] = created.body.webhook.id;
				}
				(this.getWorkflowStaticData('node') as StaticData).webhookIds = ids;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as StaticData;
				for (const id of Object.values(data.webhookIds ?? {})) {
					try {
						await loyaltyLionRequest(this, undefined, 'DELETE', PATHS.webhook(id));
					} catch (error) {
						// Already gone (deleted in LoyaltyLion, or the app uninstalled): nothing left to remove.
						if ((error as NodeApiError).httpCode !== '404') throw new NodeApiError(this.getNode(), error as JsonObject);
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
		const reject = (status: number, message: string): IWebhookResponseData => {
			res.status(status).json({ error: message });
			return { noWebhookResponse: true };
		};

		const raw = (req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.from(JSON.stringify(req.body ?? {}));
		const header = this.getHeaderData()['x-loyaltylion-hmac-sha256'] as string | undefined;
		if (!verifySignature(await signingSecret(this), raw, header)) {
			return reject(401, header ? 'Invalid signature' : 'Missing x-loyaltylion-hmac-sha256 header');
		}

		const event = this.getBodyData() as IDataObject;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const maxAge = Number(options.maxAgeMinutes ?? 0);
		if (maxAge > 0) {
			const created = Date.parse(String(event.created_at ?? ''));
			if (Number.isNaN(created) || Date.now() - created > maxAge * 60_000) {
				return reject(400, `Event is older than ${maxAge} minutes`);
			}
		}
		if (options.dropDuplicates !== false && event.id !== undefined) {
			const data = this.getWorkflowStaticData('node') as StaticData;
			const seen = data.seen ?? [];
			if (seen.includes(String(event.id))) {
				res.status(200).json({ received: true, duplicate: true });
				return { noWebhookResponse: true };
			}
			seen.push(String(event.id));
			data.seen = seen.slice(-SEEN_LIMIT);
		}
		const headers = this.getHeaderData();
		return {
			workflowData: [
				this.helpers.returnJsonArray({
					...event,
					topic: event.topic ?? headers['x-loyaltylion-topic'],
					siteDomain: headers['x-loyaltylion-site-domain'] ?? null,
				}),
			],
		};
	}
}
