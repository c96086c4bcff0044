// The shapes of one LoyaltyLion instance's state: the wire objects it answers with and the internal records
// behind them (fields in camelCase are internal and never sent).
import type { DEFAULTS, TIERS } from './program.cjs';
import type { Views } from './views.cjs';

export type Options = typeof DEFAULTS;
export type Site = Options['sites'][number];
export type ApiKey = Options['apiKeys'][number];
export type TokenSecretPair = Options['stores'][number];
export type OAuthClient = Options['oauthClients'][number];
export type Tier = (typeof TIERS)[number];

export interface TierMembership {
	started_at: string;
	expires_at: string | null;
	manual: boolean;
	loyalty_tier: Tier;
}

/** A customer as the API shows it. */
export interface Customer {
	id: number;
	merchant_id: string;
	email: string;
	points_approved: number;
	points_pending: number;
	points_spent: number;
	properties: Record<string, string>;
	metadata: Record<string, string>;
	rewards_claimed: number;
	blocked: boolean;
	guest: boolean;
	enrolled: boolean;
	enrolled_at: string | null;
	referral_id: string;
	referred_by: { id: number; merchant_id: string } | null;
	loyalty_tier_membership: TierMembership | null;
	insights_segment: string | null;
	birthday: string | null;
	referral_url: string;
	linked_merchant_ids: string[];
	created_at: string;
	updated_at: string;
}

export interface TargetProduct {
	id: number;
	variant_id: number;
	sku: string;
	url: string;
	image_url: string;
	title: string;
	sort_key: number;
}

/** A reward of the program; `enabled` and `tiers` are internal (which customers it is offered to). */
export interface Reward {
	id: number;
	kind: string;
	title: string;
	description?: string;
	sort_key?: number;
	content?: Record<string, unknown>;
	point_cost: number;
	method: string;
	discount_type: string;
	discount_amount?: number | null;
	minimum_spend?: number;
	usage_limit?: number;
	min_redemption_amount?: number;
	max_redemption_amount?: number;
	max_free_shipping?: number;
	site_id: number;
	order_type?: string;
	target_type?: string;
	target_collections?: unknown[];
	target_products?: TargetProduct[];
	session_options?: unknown;
	auto_refund_seconds?: number;
	expiry_options?: { kind: string; seconds: number | null };
	redeemable_expiry_options?: unknown;
	supported_channels?: string[];
	recurring_cycle_limit?: number;
	enabled?: boolean;
	tiers?: number[];
}

export type RewardView = ReturnType<Views['rewardView']>;

export interface Redeemable {
	redeemable_type?: string;
	fulfilled?: boolean;
	fulfilled_at?: string | null;
	expires_on?: string | null;
	variant_id?: string;
	code?: string | null;
	discount_amount?: number | null;
	usage_count?: number;
	usage_limit?: number;
}

export interface ClaimedReward {
	id: number;
	claimed_at: string;
	point_cost: number;
	redeemable: Redeemable;
	reward: RewardView;
	state: string;
	session: { kind: string; token: string } | null;
	auto_refund_at: string | null;
	expires_at: string | null;
	merchantId: string;
	customerLionId: number;
}

export interface RuleView {
	id: number | null;
	name: string | null;
	title: string | null;
}

export interface Flow {
	id: number;
	journey_id: number;
	name: string;
	block_id: string;
}

/** What an activity is tracked with. */
export interface ActivityInput {
	name: string;
	merchant_id?: string | null;
	value: number;
	state: string;
	rule: RuleView;
	flow?: Flow;
	properties?: Record<string, unknown>;
	site_id?: number;
	guest?: boolean;
	ip_address?: string;
	user_agent?: string;
	referral_id?: string;
	tracking_id?: string;
}

/** An activity (internal record: `name` and `customer_id` are the tracked rule name and store customer id). */
export interface Activity {
	id: number;
	name: string;
	customer_id: string;
	customer_email: string;
	customerLionId: number;
	merchant_id: string | null;
	value: number;
	state: string;
	rule: RuleView;
	flow: Flow | undefined;
	properties: Record<string, unknown>;
	site_id: number | undefined;
	guest: boolean | undefined;
	ip_address: string | undefined;
	user_agent: string | undefined;
	referral_id: string | undefined;
	tracking_id: string | undefined;
	created_at: string;
}

export interface Adjustment {
	id: number;
	points: number;
	reason: string | null;
	created_at: string;
}

export interface Expiry {
	id: number;
	points: number;
	expired_at: string;
}

/** What a transaction records. */
export interface TransactionInput {
	points_approved?: number;
	points_pending?: number;
	resource: string;
	activity?: Activity;
	claimed_reward?: ClaimedReward;
	adjustment?: Adjustment;
	expiry?: Expiry;
}

/** A transaction (internal: `merchant_id`, `points` and `reason` are the customer's store id, the net points and an adjustment's reason). */
export interface Transaction {
	id: number;
	customerLionId: number;
	merchant_id: string;
	points: number;
	reason: string | null;
	points_approved: number;
	points_pending: number;
	created_at: string;
	resource: string;
	activity: Activity | null;
	claimed_reward: ClaimedReward | null;
	adjustment: Adjustment | null;
	expiry: Expiry | null;
}

export interface Payment {
	amount: string;
	created_at: string;
	gateway: string;
}

export interface Refund {
	amount: string;
	created_at: string;
}

/** An order (internal record; the routes answer views of it). */
export interface Order {
	id: number;
	merchant_id: string;
	merchant_number: string | null;
	customerLionId: number;
	site_id: number;
	total: string;
	total_tax: string;
	total_shipping: string;
	total_discounts: string;
	total_paid: string;
	payment_status: string;
	fulfillment_status: string;
	refund_status: string;
	cancellation_status: string;
	metadata: Record<string, string | number | null>;
	discount_codes: { code: string; amount: string }[];
	claimed_reward_ids: number[];
	guest?: boolean;
	ip_address?: string;
	user_agent?: string;
	referral_id?: string;
	tracking_id?: string;
	payments: Payment[];
	refunds: Refund[];
	created_at: string;
	updated_at: string;
	merchant_created_at: string;
	merchant_updated_at: string;
	awarded: boolean;
}

export interface Unsubscribe {
	email: string;
	id: string | null;
	created_at: string;
}

/** A webhook subscription; `owner` and `secret` are internal (who sees it, what signs its deliveries). */
export interface Webhook {
	id: number;
	topic: string;
	address: string;
	created_at: string;
	updated_at: string;
	service_integration_id: number | null;
	owner: string;
	secret: string;
}

export interface DeliveryRecord {
	webhookId: number;
	eventId: string;
	topic: string;
	status: number;
}

export interface PendingEvent {
	send: () => void;
	at: number;
	timer?: NodeJS.Timeout;
}

export interface OAuthGrant {
	clientId: string;
	scopes: string[];
	redirectUri: string;
	used: boolean;
}

export interface OAuthToken {
	clientId: string;
	scopes: string[];
	revoked: boolean;
}

export interface State {
	options: Options;
	codes: Map<string, OAuthGrant>;
	/** OAuth tokens: token -> {clientId, scopes, revoked} */
	tokens: Map<string, OAuthToken>;
	/** customers as the API shows them (wire objects), oldest first */
	customers: Customer[];
	byMerchantId: Map<string, Customer>;
	/** orders by their merchant_id (internal records; the routes answer views of them) */
	orders: Map<string, Order>;
	activities: Activity[];
	transactions: Transaction[];
	claimed: Map<number, ClaimedReward>;
	rewards: Reward[];
	unsubscribes: Unsubscribe[];
	webhooks: Map<number, Webhook>;
	deliveries: DeliveryRecord[];
	/** delayed events not sent yet (points_earned waits 5 minutes) */
	pendingEvents: PendingEvent[];
	authorizeRequests: Record<string, string>[];
	hits: Map<string, number[]>;
	/** deliveries the webhook receiver rejected (status != 2xx) */
	failedDeliveries: DeliveryRecord[];
}

interface CallerBase {
	/** the rate-limit bucket */
	key: string;
	/** whose webhooks it sees */
	owner: string;
	scopes: string[];
	/** how refusals name the credential */
	noun: string;
}

/** Who is calling. */
export type Caller =
	| (CallerBase & { kind: 'token_secret'; store: TokenSecretPair; siteId: number })
	| (CallerBase & { kind: 'api_key'; apiKey: ApiKey })
	| (CallerBase & { kind: 'oauth_token'; clientId: string });
