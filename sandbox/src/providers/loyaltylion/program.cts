// LoyaltyLion's program as the simulator configures it: scopes, defaults, webhook topics, tiers, rules.
const NAME = 'loyaltylion';
const SCOPES = [
	'read_customers',
	'write_customers',
	'read_unsubscribes',
	'write_unsubscribes',
	'read_orders',
	'write_orders',
];

const DEFAULTS = {
	oauthClients: [
		{
			clientId: 'll-demo-client',
			clientSecret: 'll-demo-oauth-secret',
			/** the integration the OAuth client is (whoami `integration`, webhooks' service_integration_id; assumed) */
			serviceIntegrationId: 4101,
			name: 'Demo partner app',
		},
	],
	/**
	 * Token & secret pairs (deprecated): one pair per site. Whether the pair's secret is the site secret that
	 * signs webhooks is not public; here they are the same value (assumed).
	 */
	stores: [
		{
			token: 'll-demo-token',
			secret: 'll-demo-site-secret',
			domain: 'demo-store.example',
			siteId: 1001,
		},
	],
	/**
	 * API keys of the program (developers.loyaltylion.com/api-reference/authentication/api-keys): Bearer
	 * `pat_...`, each with the scopes chosen at creation.
	 */
	apiKeys: [
		{
			token: 'pat_e1c7demo0a11sc0pes5f3a9c2e1b7d4',
			name: 'Simulator: all scopes',
			scopes: [...SCOPES],
			disabled: false,
		},
		{
			token: 'pat_4b8ddemo0read0cust0mers2e6f0a9c1',
			name: 'Simulator: read_customers only',
			scopes: ['read_customers'],
			disabled: false,
		},
	],
	/** signs deliveries of webhooks created with an API key (and, being equal to it, with token & secret) */
	siteSecret: 'll-demo-site-secret',
	program: { id: 7301, accountId: 5120 },
	/** a multi-site program, newest last here (GET /v2/sites answers newest first) */
	sites: [
		{
			id: 1001,
			name: 'Demo Store (US)',
			url: 'https://demo-store.example',
			platform: 'shopify',
			currencies: ['usd'],
			languages: ['en'],
			created_at: '2023-03-01T09:00:00.000Z',
			updated_at: '2024-11-02T10:15:00.000Z',
		},
		{
			id: 1002,
			name: 'Demo Store (UK)',
			url: 'https://uk.demo-store.example',
			platform: 'magento',
			currencies: ['gbp'],
			languages: ['en-gb'],
			created_at: '2023-06-12T08:30:00.000Z',
			updated_at: '2024-09-20T16:00:00.000Z',
		},
		{
			id: 1003,
			name: 'Demo Store (FR)',
			url: 'https://fr.demo-store.example',
			platform: 'shopify',
			currencies: ['eur'],
			languages: ['fr', 'en'],
			created_at: '2024-02-05T11:45:00.000Z',
			updated_at: '2024-12-01T09:00:00.000Z',
		},
	],
	customers: 5000,
	rateLimitPerSecond: 20,
	/** sites/create-webview-session: this endpoint allows 100 requests per second */
	webviewRateLimitPerSecond: 100,
	/** whether a since_id answer also carries cursors (JSON `cursor`, CSV `Link`) is not public (assumed: yes) */
	sinceIdCursors: true,
	/** program_events/customer.points_earned is sent after a 5-minute delay (control `flushEvents` sends now) */
	pointsEarnedDelayMs: 5 * 60_000,
};

/** The 17 topics POST /v2/webhooks accepts (webhooks/create-webhook), with the scopes each topic's page names. */
const TOPIC_SCOPES: Record<string, string[]> = {
	'customers/update': ['read_customers'],
	'loyalty_emails/unsubscribe': ['read_unsubscribes'],
	'program_events/customer.enrolled': ['read_customers'],
	'program_events/customer.tier_upgraded': ['read_customers'],
	'program_events/customer.tier_downgraded': ['read_customers'],
	'program_events/customer.points_earned': ['read_customers'],
	'program_events/customer.reward_available_notification': ['read_customers'],
	'program_events/customer.recurring_reward_available_reminder': ['read_customers'],
	'program_events/customer.claimed_reward': ['read_customers'],
	'program_events/customer.referral_complete': ['read_customers', 'read_orders'],
	'program_events/customer.rule_completed': ['read_customers', 'read_orders'],
	'program_events/customer.approaching_tier_upgrade': ['read_customers'],
	// page not stored: the scope is assumed to be its siblings'
	'program_events/customer.moved_to_at_risk_segment': ['read_customers'],
	'program_events/customer.moved_to_defected_segment': ['read_customers'],
	'program_events/customer.moved_to_loyal_segment': ['read_customers'],
	'program_events/customer.approaching_points_expiration': ['read_customers'],
	'program_events/customer.approaching_reward_expiration': ['read_customers'],
};
const TOPICS = Object.keys(TOPIC_SCOPES);
/** Topics whose payload carries id/created_at/kind/unique_until next to `properties` (the topics' pages under api-reference/v2/webhooks/events/). */
const WRAPPED_TOPICS = new Set([
	'program_events/customer.tier_upgraded',
	'program_events/customer.tier_downgraded',
	'program_events/customer.approaching_points_expiration',
	'program_events/customer.approaching_reward_expiration',
]);
/** Insight-segment topics: fields directly in `payload`. */
const SEGMENT_TOPICS = new Set([
	'program_events/customer.moved_to_at_risk_segment',
	'program_events/customer.moved_to_defected_segment',
	'program_events/customer.moved_to_loyal_segment',
]);

/** Point-based tiers: bounds are the points divided by 100 (5000 points -> "50.00"). */
const TIERS = [
	{
		id: 1,
		name: 'Bronze',
		number: 1,
		default: true,
		hidden: false,
		lower_bound: '0.00',
		upper_bound: '10.00',
		position: 0,
	},
	{
		id: 2,
		name: 'Silver',
		number: 2,
		default: false,
		hidden: false,
		lower_bound: '10.00',
		upper_bound: '30.00',
		position: 1,
	},
	{
		id: 3,
		name: 'Gold',
		number: 3,
		default: false,
		hidden: false,
		lower_bound: '30.00',
		upper_bound: null,
		position: 2,
	},
];

/**
 * Rules activities are tracked against (activities/create-activity: a custom identifier, or a built-in rule
 * name prefixed with `$`). Values and initial states are the simulator's program configuration.
 */
const RULES = [
	{ id: 11, name: '$signup', title: 'Create an account', value: 100, state: 'approved' },
	{ id: 12, name: '$purchase', title: 'Make a purchase', value: 0, state: 'approved' },
	{ id: 13, name: '$review', title: 'Leave a product review', value: 50, state: 'pending' },
	{
		id: 14,
		name: '$clickthrough',
		title: 'Visit our Instagram',
		value: 20,
		state: 'approved',
		needsUrl: true,
	},
	{ id: 15, name: '$birthday', title: 'Celebrate your birthday', value: 200, state: 'approved' },
	{ id: 21, name: 'newsletter_signup', title: 'Join the newsletter', value: 50, state: 'approved' },
	{ id: 22, name: 'birthday_bonus', title: 'Birthday bonus', value: 150, state: 'approved' },
];

/** Reward kinds each platform supports (customers/rewards/list-available-rewards). */
const ONE_OFF = [
	'cart_discount_voucher',
	'free_shipping_voucher',
	'collection_voucher',
	'active_subscription_discount_voucher',
];
const PLATFORM_KINDS: Record<string, string[]> = {
	shopify: [
		...ONE_OFF,
		'custom_reward',
		'checkout_redemption',
		'product_voucher',
		'product_cart',
		'product_subscription',
		'gift_card',
	],
	magento: [...ONE_OFF, 'custom_reward', 'product_voucher'],
	bigcommerce: [...ONE_OFF, 'custom_reward', 'product_voucher'],
	custom: ['custom_reward'],
};

/** The Admin API v2 resources' reference pages. */
const R = 'https://developers.loyaltylion.com/api-reference/v2/resources/';

export {
	NAME,
	SCOPES,
	DEFAULTS,
	TOPIC_SCOPES,
	TOPICS,
	WRAPPED_TOPICS,
	SEGMENT_TOPICS,
	TIERS,
	RULES,
	PLATFORM_KINDS,
	R,
};
