// The demo program: its configuration (DEFAULTS, options of create) and the codes it configures.

const NAME = 'loyalife';
const P = '/lbms-ingress';
const H = 'https://help-loyalife.xoxoday.com';

const DEFAULTS = {
	clients: [
		{ clientId: 'loyalife-demo-client', clientSecret: 'loyalife-demo-secret', programId: '1001' },
	],
	tokenLifetimeSeconds: 1800,
	members: 25,
	/** assumed: the page says a limit of 100 may be enforced (InsertTransactionDataV2) */
	maxBatch: 100,
	transactionsPerMember: 11,
	/** InsertTransactionDataV2 answer: 'B' (ErrorCode 001, transactions[]) or 'A' (000, UUID batch_id) */
	batchSnapshot: 'B' as 'A' | 'B',
	/** polls of a batch that still show its items PENDING; 0 processes them on insert */
	batchPendingPolls: 1,
	/**
	 * false: a poll's results[] leaves out the items still PENDING, which only summary.pending counts (assumed,
	 * for tests: the page does not say whether pending items are listed)
	 */
	batchListsPending: true,
	/** assumed: OTP lifetime and attempt limit are per program (not public) */
	otpLifetimeSeconds: 600,
	otpAttempts: 5,
	/**
	 * Keys of the program-specific "local" transaction attributes (#11, #12) the program configures. The demo
	 * program configures none (assumed): any other field is refused, naming it.
	 */
	localAttributes: [] as string[],
	/**
	 * Whether the program enforces _xoxo_api_client_idempotency as unique (#12): H/concepts/idempotency says
	 * that is program-dependent. The demo program enforces it (assumed); false records a repeated key again.
	 */
	enforceIdempotency: true,
	/** () => ms: the ledger's today (expiry, redemption dates); default the real clock */
	clock: undefined as undefined | (() => number),
};

/** The 24 OtpType values of H/api-reference/otp/* (TwoFA is mixed case). */
const OTP_TYPES = [
	'ACTIVATION',
	'LOGIN',
	'FORGOTPWD',
	'CHANGEPASSWORD',
	'RESETPASSWORD',
	'FORGOTUSERNAME',
	'TwoFA',
	'UNBLOCKMEMBER',
	'NONE',
	'CASHBACKCONFIRM',
	'POINTTRANSFERCONFIRM',
	'FAMILYPOOLINGMERGE',
	'FAMILYPOOLINGUNMERGE',
	'AIRREVIEWNCONFIRM',
	'DOMESTICFLIGHTREVIEWNCONFIRM',
	'HOTELREVIEWNCONFIRM',
	'CARREVIEWNCONFIRM',
	'GIFTCARDREVIEWNCONFIRM',
	'PACKAGEREVIEWNCONFIRM',
	'SHOPREVIEWNCONFIRM',
	'SHOPDIGITALREVIEWNCONFIRM',
	'MERCHANTREVIEWNCONFIRM',
	'ISPREVIEWNCONFIRM',
	'INSURANCEREVIEWNCONFIRM',
] as const;
/**
 * Redemption categories of H/api-reference/payment-gateway/redeem-points. The page adds "programs may
 * configure more": refusing any other code is the demo program's configuration (assumed).
 */
const REDEEM_TYPES: Record<number, string> = {
	4: 'Miles/Points Transfer',
	5: 'Hotel',
	6: 'Air/Flight',
	19: 'Charity',
	30: 'Gift Card',
};
/** Product codes configured in the demo program (the Rule Engine's rule: 1 point per 10 of amount). */
const PRODUCT_CODES = ['CARD', 'FUEL', 'ONLINE'];
/** Member attributes of the demo program's User schema: profile attributes and custom CPD attributes. */
const PROFILE_ATTRIBUTES = [
	'full_name',
	'email_id',
	'mobile_number',
	'status',
	'gender',
	'dob',
	'address',
] as const;
const CUSTOM_ATTRIBUTES = ['city', 'preferred_store'] as const;
/** Attributes marked unique in the demo program's schema (GetMemberDetailsByUniqueAttribute). */
const UNIQUE_ATTRIBUTES: Record<string, 'Email' | 'MobileNumber'> = {
	email_id: 'Email',
	mobile_number: 'MobileNumber',
};
/** Amounts above which V2 batch items are held for review (assumed: the thresholds are the simulator's). */
const HOLD_ABOVE = 50_000;
const PARTIAL_HOLD_FROM = 20_000;

type Options = typeof DEFAULTS;

export {
	NAME,
	P,
	H,
	DEFAULTS,
	OTP_TYPES,
	REDEEM_TYPES,
	PRODUCT_CODES,
	PROFILE_ATTRIBUTES,
	CUSTOM_ATTRIBUTES,
	UNIQUE_ATTRIBUTES,
	HOLD_ABOVE,
	PARTIAL_HOLD_FROM,
};
export type { Options };
