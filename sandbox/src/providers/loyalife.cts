// Loyalife (Xoxoday LBMS) simulator, rebuilt to the public Loyalife LBMS API reference
// (H = https://help-loyalife.xoxoday.com). The 19 endpoints of its operation index, with their exact
// methods, path casing (/api/Member/..., /API/Transaction/..., /API/PG/...), query vs body, field names and
// types. Every route names its page in SOURCES; what the reference does not publish is marked "assumed".
//
// Envelope (H/concepts/response-format): {results: {IsSucessful, ErrorCode, ExceptionMessage, ReturnObject,
// Count}}, failures included (ReturnObject null, Count 0); success ErrorCode "000" (InsertTransactionDataV2:
// "001"). Refusals: anything the reference does not describe (an unknown field or query parameter, a wrong
// type, a missing required field, a wrong enum value) is HTTP 400 with {IsSucessful:false, ErrorCode:"999"
// (bad request), ExceptionMessage naming the field and what is wrong, ReturnObject:null, Count:0}; a body that
// is not the JSON object (or array) the request takes is ErrorCode "998" (invalid request, "structurally
// invalid"). The token endpoint's 401 is {IsSucessful, ErrorCode, ExceptionMessage} only, as its page shows. A wrong method answers 405 and an unknown path (also a wrong casing) 404, each
// with the same envelope (assumed: the transport-code table is not public). Business failures use the HTTP
// status the page gives (404 member lookups, 409 duplicate enrolment, 401 credentials, 400 OTP and invalid
// transactions); where the page gives none, HTTP 200 with IsSucessful:false ("HTTP 200 can carry false").
//
// Also assumed (the pages give the status or nothing, not these codes or checks): #4 not found is ErrorCode
// "103" with its 404; #6 a wrong hash or unknown member is ErrorCode "401" with its 401; #11 an unknown
// product_code is 999 with HTTP 400; #14, #15, #16 an unknown member is 103 over HTTP 200; #14 refuses
// DateFrom after DateTo; #16 Year 2000-2100; #11, #18 amount/Amount more than 0; #18 answers 107 (documented
// on #17 only) for a member who is not active; #19 an unknown ExternalReference, or a RelationReference /
// MerchantName other than the redemption's, is 999 with HTTP 400; #9 requires DestinationAddress and OTP
// (only #10 marks them required); #15, #16, #19 require every listed field; a bad or expired bearer is 401
// with ErrorCode "401"; a 5xx fault is ErrorCode "500", "Internal server error".
//
// Common parameters (H/api-reference/introduction): ProgramId (body, integer) / pintProgramId (query,
// integer string) must equal the credential's program (otherwise ErrorCode 997, "exception occurred", with
// HTTP 200: assumed, the reference has no program-mismatch code);
// RelationType must be 4 (the only documented value; others refused, assumed); TransactionCurrency must be
// "DEFAULT" (the demo program has no currency code; others refused, assumed).
//
// Demo program (seeded): 25 members MEM0001..MEM0025, Status 1 Active except MEM0024 (5 Inactive) and
// MEM0025 (2 Suspended); e-mail member<n>@example.com, mobile +9198765000<nn>; password hash (what #6
// receives, MD5 as the program is configured) = MD5 hex of "Passw0rd!<n>" (passwordHashOf(ref)); custom
// attributes city and preferred_store (optional strings); product codes CARD, FUEL, ONLINE earning 1 point
// per 10 of amount (floor); points expire 12 months after their TransactionDate, oldest first (assumed).
import * as crypto from 'node:crypto';
import { z } from 'zod';
import { TokenStore, bearerOf } from '../tokens.cjs';

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
const UNIQUE_ATTRIBUTES = { email_id: 'Email', mobile_number: 'MobileNumber' };
/** Amounts above which V2 batch items are held for review (assumed: the thresholds are the simulator's). */
const HOLD_ABOVE = 50_000;
const PARTIAL_HOLD_FROM = 20_000;

// ---- envelopes -------------------------------------------------------------------------------------------
const ok = (ReturnObject, Count = 0, ErrorCode = '000') => ({
	results: { IsSucessful: true, ErrorCode, ExceptionMessage: 'Success', ReturnObject, Count },
});
const failure = (ErrorCode, ExceptionMessage) => ({
	results: {
		IsSucessful: false,
		ErrorCode: String(ErrorCode),
		ExceptionMessage,
		ReturnObject: null,
		Count: 0,
	},
});

// ---- schemas (zod) ---------------------------------------------------------------------------------------
const str = () =>
	z.string({ required_error: 'is required', invalid_type_error: 'must be a string' });
const nonEmpty = () => str().min(1, 'must not be empty');
const int = () =>
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be an integer' })
		.int('must be an integer');
const num = () =>
	z.number({ required_error: 'is required', invalid_type_error: 'must be a number' });
const programId = () => int();
const relationType = () => z.literal(4);
const currency = () => z.literal('DEFAULT');
const dateOnly = () => str().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const dateTime = () =>
	str().regex(
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
		'must be YYYY-MM-DDTHH:mm:ss (no time zone)',
	);
// The e-mail and mobile format checks are assumed (the pages give only examples, e.g. +919876543210).
const email = () => str().email('must be an e-mail address');
const mobile = () => str().regex(/^\+?\d{7,15}$/, 'must be 7 to 15 digits, optionally after +');
const statusCode = () => z.enum(['1', '2', '3', '4', '5', '6']);

/** Profile and custom attributes, each optional (create-profile, update-profile `data`). */
const attributeFields = {
	full_name: nonEmpty().optional(),
	email_id: email().optional(),
	mobile_number: mobile().optional(),
	status: statusCode().optional(),
	gender: z.enum(['M', 'F', 'O']).optional(),
	dob: dateOnly().optional(),
	address: str().optional(),
	city: str().optional(),
	preferred_store: str().optional(),
};
// #2 H/api-reference/members/create-profile
const createProfileSchema = z
	.object({ relation_reference: nonEmpty(), ...attributeFields })
	.strict();
// #5 H/api-reference/members/update-profile: {id, data: {>= 1 attribute}}
const updateProfileSchema = z
	.object({
		id: int(),
		data: z
			.object(attributeFields, {
				required_error: 'is required',
				invalid_type_error: 'must be an object',
			})
			.strict()
			.refine((d) => Object.keys(d).length > 0, 'must hold at least one attribute'),
	})
	.strict();
// #6 H/api-reference/members/check-credentials
const credentialsSchema = z
	.object({
		UniquerefID: nonEmpty(),
		ProgramId: programId(),
		RelationType: relationType(),
		Password: nonEmpty(),
	})
	.strict();
// #7 / #8 H/api-reference/otp/generate-otp (required flags not public: SourceAddress, SourceCode optional)
const generateOtpSchema = z
	.object({
		UniquerefID: nonEmpty(),
		SourceAddress: str().optional(),
		SourceCode: int().optional(),
		OtpType: z.enum(OTP_TYPES),
		ProgramId: programId(),
		RelationType: relationType(),
	})
	.strict();
// #9 / #10 H/api-reference/otp/verify-otp, verify-otp-by-relation
const verifyOtpSchema = z
	.object({
		UniquerefID: nonEmpty(),
		OTP: int(),
		DestinationAddress: nonEmpty(),
		Destination: z.enum(['Web', 'Mobile']),
		OtpType: z.enum(OTP_TYPES),
		ProgramId: programId(),
		RelationType: relationType(),
	})
	.strict();
// #11 H/api-reference/transactions/insert-transaction (required flags not public: all but sub_product_code
// required, assumed; "local" attributes only those options.localAttributes names: none in the demo program)
/** DR / CR in the reference's words (the account's perspective: a debit is a purchase that earns). */
const typeMessage = (dr: string, cr: string) => (issue, ctx) => ({
	message:
		issue.code === 'invalid_type' && issue.received === 'undefined'
			? 'is required'
			: `must be ${dr} (a purchase, earns points) or ${cr} (a reversal, deducts points); got ${JSON.stringify(ctx.data)}`,
});
const transactionFields = {
	transaction_id: nonEmpty(),
	amount: num().positive('must be greater than 0'),
	transaction_date: str().regex(
		/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/,
		'must be a date YYYY-MM-DD (or YYYY-MM-DDTHH:mm:ss, no time zone)',
	),
	product_code: nonEmpty(),
	member_relation_reference: nonEmpty(),
	sub_product_code: str().optional(),
};
const insertSchema = z
	.object({
		...transactionFields,
		transaction_type: z.enum(['DR', 'CR'], { errorMap: typeMessage('DR', 'CR') }),
	})
	.strict();
// #12 H/api-reference/transactions/insert-transaction-v2: lower-case dr/cr and the idempotency key per item.
// Refusing upper-case DR/CR is assumed (stricter than the page: its examples write dr/cr, its field
// description still says DR/CR).
const insertV2ItemSchema = z
	.object({
		...transactionFields,
		transaction_type: z.enum(['dr', 'cr'], { errorMap: typeMessage('dr', 'cr') }),
		_xoxo_api_client_idempotency: nonEmpty().optional(),
	})
	.strict();
// #14 H/api-reference/transactions/get-transaction-summary: the 8 fields of the example, all required (assumed)
const summarySchema = z
	.object({
		DateFrom: dateTime(),
		DateTo: dateTime(),
		MinimumRange: int().min(0, 'must be 0 or more (0-based start index)'),
		MaximumRange: int().min(1, 'must be 1 or more (the number of records)'),
		RelationReference: nonEmpty(),
		TransactionCurrency: currency(),
		RelationType: relationType(),
		ProgramId: programId(),
	})
	.strict();
// #15, #17 the member, currency, relation type and program
const memberBodySchema = z
	.object({
		RelationReference: nonEmpty(),
		TransactionCurrency: currency(),
		RelationType: relationType(),
		ProgramId: programId(),
	})
	.strict();
// #16 H/api-reference/transactions/get-expiry-schedule (from its example)
const expirySchema = z
	.object({
		RelationReference: nonEmpty(),
		RelationType: relationType(),
		ProgramId: programId(),
		TransactionCurrency: currency(),
		Year: int().min(2000, 'must be a year from 2000').max(2100, 'must be a year up to 2100'),
	})
	.strict();
// #18 H/api-reference/payment-gateway/redeem-points (all 8 required, assumed; Points whole, assumed)
const redeemSchema = z
	.object({
		RelationReference: nonEmpty(),
		Amount: num().positive('must be greater than 0'),
		Points: int().positive('must be greater than 0'),
		MerchantName: nonEmpty(),
		LoyaltyTxnType: int().refine((v) => v in REDEEM_TYPES, {
			message: `must be one of ${Object.entries(REDEEM_TYPES)
				.map(([k, v]) => `${k} (${v})`)
				.join(', ')}`,
		}),
		TransactionCurrency: currency(),
		RelationType: relationType(),
		ProgramId: programId(),
	})
	.strict();
// #19 H/api-reference/payment-gateway/reversal-points
const reversalSchema = z
	.object({
		RelationReference: nonEmpty(),
		MerchantName: nonEmpty(),
		ExternalReference: str().regex(
			/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
			'must be the UUID RedeemPoints returned',
		),
		ProgramId: programId(),
	})
	.strict();
// #1 H/api-reference/authentication/generate-auth-token
const tokenSchema = z
	.object({
		grant_type: z.literal('client_credentials'),
		client_id: nonEmpty(),
		client_secret: nonEmpty(),
		scope: str().optional(),
	})
	.strict();

/** zod issues -> "field what is wrong; ..." */
function describe(issues, prefix = '') {
	const parts: string[] = [];
	for (const issue of issues) {
		const field = prefix + (issue.path.join('.') || 'body');
		if (issue.code === 'unrecognized_keys') {
			for (const k of issue.keys)
				parts.push(`${prefix}${[...issue.path, k].join('.')} is not a field of this request`);
			continue;
		}
		let text = issue.message;
		if (issue.code === 'invalid_type' && (text === 'Required' || text.startsWith('Expected ')))
			text =
				issue.received === 'undefined'
					? 'is required'
					: String(issue.expected).includes('|')
						? `must be one of ${String(issue.expected).replace(/'/g, '"').split(' | ').join(', ')}, not ${issue.received}`
						: `must be ${issue.expected}, not ${issue.received}`;
		else if (issue.code === 'invalid_enum_value' && text.startsWith('Invalid enum value'))
			text = `must be one of ${issue.options.join(', ')}; got ${JSON.stringify(issue.received)}`;
		else if (issue.code === 'invalid_literal')
			text =
				issue.received === undefined
					? 'is required'
					: `must be ${JSON.stringify(issue.expected)}; got ${JSON.stringify(issue.received)}`;
		parts.push(`${field} ${text}`);
	}
	return parts.join('; ');
}

// ---- dates -----------------------------------------------------------------------------------------------
/** YYYY-MM-DDTHH:mm:ss (the reference's dates carry no zone) */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const toMs = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`);
const plusMonths = (s: string, months: number) => {
	const d = new Date(toMs(s));
	d.setUTCMonth(d.getUTCMonth() + months);
	return stamp(d.getTime());
};
const uuid = () => crypto.randomUUID().toUpperCase();
const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');

/**
 * Where each route comes from (the core refuses a route that is not listed). H = help-loyalife.xoxoday.com.
 */
export const SOURCES: Record<string, string> = {
	'POST /lbms-ingress/oauth/api/Auth/Token': `${H}/api-reference/authentication/generate-auth-token`,
	'POST /lbms-ingress/member/api/Member/CreateProfileWithAttributes': `${H}/api-reference/members/create-profile (address field name "address" and the demo custom attributes city, preferred_store assumed)`,
	'GET /lbms-ingress/member/api/Member/GetMemberProfile': `assumed: method, path and query names (pintProgramId, RelationReference) not public; fields from ${H}/api-reference/members/get-member-profile`,
	'GET /lbms-ingress/member/api/Member/GetMemberDetailsByUniqueAttribute': `${H}/api-reference/members/get-member-by-attribute (query names pstrAttributeName, pstrAttributeValue assumed: not public)`,
	'POST /lbms-ingress/member/api/Member/UpdateProfileWithAttributes': `${H}/api-reference/members/update-profile`,
	'POST /lbms-ingress/member/api/Member/CheckMembershipCredentialsByRelationReference': `${H}/api-reference/members/check-credentials`,
	'POST /lbms-ingress/member/api/Member/GenerateOTP': `${H}/api-reference/otp/generate-otp`,
	'POST /lbms-ingress/member/api/Member/GenerateOTPByRelationReference': `assumed: path and body not public (body of GenerateOTP with UniquerefID = RelationReference); ${H}/api-reference/otp/generate-otp-by-relation`,
	'POST /lbms-ingress/member/api/Member/VerifyOTP': `${H}/api-reference/otp/verify-otp`,
	'POST /lbms-ingress/member/api/Member/VerifyOTPByRelationReference': `${H}/api-reference/otp/verify-otp-by-relation`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/InsertTransactionData': `${H}/api-reference/transactions/insert-transaction`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2': `${H}/api-reference/transactions/insert-transaction-v2`,
	'GET /lbms-ingress/transaction-lm/API/Transaction/PollTransactionBatchStatus': `${H}/api-reference/transactions/poll-batch-status (query names pintProgramId, batch_id assumed: not public)`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/GetMemberTransactionSummaryByDate': `${H}/api-reference/transactions/get-transaction-summary (MaximumRange a count, newest first: assumed)`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/GetMemberStatementSummary': `${H}/api-reference/transactions/get-statement-summary`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/GetExpirySchedule': `${H}/api-reference/transactions/get-expiry-schedule (expiry 12 months after TransactionDate assumed)`,
	'POST /lbms-ingress/pg-lm/API/PG/CheckAvailability': `${H}/api-reference/payment-gateway/check-availability`,
	'POST /lbms-ingress/pg-lm/API/PG/RedeemPoints': `${H}/api-reference/payment-gateway/redeem-points (ErrorCode 109 insufficient points assumed)`,
	'POST /lbms-ingress/pg-lm/API/PG/ReversalPoints': `${H}/api-reference/payment-gateway/reversal-points (ErrorCode 110 second reversal assumed)`,
};
// Every other method on these paths, and unknown paths (also a wrong casing), refused with the envelope.
for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
	SOURCES[`${method} /lbms-ingress/:module/:api/:controller/:operation`] =
		'assumed: a method or path the reference does not have, refused with the envelope (405 / 404)';

function create(api, userOptions) {
	const { route, HttpError, sim, randomId } = api;
	const options = { ...DEFAULTS, ...userOptions };
	const tokens = new TokenStore({
		lifetimeSeconds: options.tokenLifetimeSeconds,
		prefix: '',
		onIssue: api.secret,
	});
	const state: any = {
		options,
		tokens,
		clients: options.clients.map((c) => ({ ...c })),
		/** members by RelationReference */
		members: new Map(),
		/**
		 * The ledger, every member, in insertion order: earn (DR) and reversal (CR) transactions, bonuses,
		 * redemptions and reversals of redemptions. Internal fields besides the answered ones: TransactionId
		 * (the client's transaction_id), TransactionType ('DR' | 'CR' | 'BONUS' | 'REDEEM' | 'REDEEM_REVERSAL';
		 * #14 answers the integer 1), Amount, ProductCode, SubProductCode, BlockedPoints (held), Listed.
		 */
		transactions: [] as any[],
		/** transaction_id of every transaction inserted (#11, and #12 once processed) */
		transactionIds: new Set(),
		/** _xoxo_api_client_idempotency -> the queued item it created (never recorded twice) */
		idempotency: new Map(),
		/** ExternalReference (upper case) -> {RelationReference, MerchantName, Points, Amount, ..., Reversed} */
		redemptions: new Map(),
		/** batch_id -> {batch_id, programId, polls, items[]} */
		batches: new Map(),
		/** OTPs sent, newest last: {RelationReference, Email, OtpType, OTP (integer), used, attempts, ...} */
		otps: [] as any[],
		/** scopes of issued tokens (the member, or null), for tests */
		issuedScopes: [] as any[],
	};
	/** The simulator's today for the ledger (dates, expiry); option `clock` (() => ms), default the real clock. */
	const clock = (): number => (options.clock ? Number(options.clock()) : Date.now());
	let memberSeq = 1;
	let txnSeq = 1;

	const addMember = (m, extra: any = {}) => {
		const status = Number(m.status ?? '5');
		const now = stamp(clock());
		const member = {
			Id: memberSeq++,
			RelationReference: m.relation_reference,
			FullName: m.full_name ?? null,
			Email: m.email_id ?? null,
			MobileNumber: m.mobile_number ?? null,
			DOB: m.dob ? `${m.dob}T00:00:00` : null,
			Gender: m.gender ?? null,
			Address: m.address ?? null,
			Status: status,
			IsAccountActivated: status === 1,
			TierName: 'Silver',
			EnrollmentDate: now,
			ActivatedDate: status === 1 ? now : null,
			LastLoggedIn: null,
			IsAccrualAllowed: true,
			CustomerSegment: 'DEFAULT',
			Custom: { city: m.city ?? null, preferred_store: m.preferred_store ?? null },
			PasswordHash: null as string | null,
			LoginAttempt: 0,
			ForceChangePassword: false,
			...extra,
		};
		state.members.set(member.RelationReference, member);
		return member;
	};
	/** A ledger entry. Points signed (negative takes points away). */
	const addEntry = (e) => {
		const entry = {
			Id: txnSeq++,
			Points: 0,
			Narration: '',
			ProcessingDate: stamp(clock()),
			ExpiryDate: null as string | null,
			ExternalReference: uuid(),
			AdditionalDetail: '',
			LoyaltyTxnType: 2,
			MerchantName: null,
			IsActive: true,
			BlockedPoints: 0,
			Listed: true,
			...e,
		};
		if (entry.ExpiryDate === null && entry.Points + entry.BlockedPoints > 0)
			entry.ExpiryDate = plusMonths(entry.TransactionDate, 12);
		state.transactions.push(entry);
		return entry;
	};
	const ruleEnginePoints = (amount) => Math.floor(amount / 10);
	/** The Rule Engine applied to one transaction (#11 fields, type in either case). */
	const recordTransaction = (t, awarded?: number, blocked = 0) => {
		const type = t.transaction_type.toUpperCase();
		const points = awarded ?? ruleEnginePoints(t.amount);
		const date =
			t.transaction_date.length === 10 ? `${t.transaction_date}T00:00:00` : t.transaction_date;
		const entry = addEntry({
			RelationReference: t.member_relation_reference,
			TransactionId: t.transaction_id,
			TransactionType: type,
			Amount: t.amount,
			ProductCode: t.product_code,
			SubProductCode: t.sub_product_code ?? null,
			Points: type === 'DR' ? points : -points,
			BlockedPoints: type === 'DR' ? blocked : 0,
			// An item held in full is not in the ledger until released (assumed).
			Listed: !(points === 0 && blocked > 0),
			LoyaltyTxnType: type === 'DR' ? 2 : 1,
			Narration: type === 'DR' ? `Purchase ${t.product_code}` : `Reversal ${t.product_code}`,
			TransactionDate: date,
			AdditionalDetail: `transaction ${t.transaction_id}`,
			MerchantName: t.product_code,
		});
		state.transactionIds.add(t.transaction_id);
		return entry;
	};

	/**
	 * The member's points, simulated in time order: earnings are buckets expiring 12 months after their date,
	 * deductions take the oldest live points first (a shortfall is carried as a debt paid by later earnings).
	 * Returns the balance, the buckets (for the expiry schedule) and the points expired so far.
	 */
	// Earnings count from their TransactionDate; deductions from when they were processed (a back-dated CR
	// takes live points, not points that have expired since; assumed).
	const effective = (e) => (e.Points < 0 ? e.ProcessingDate : e.TransactionDate);
	const accountOf = (ref, now = clock()) => {
		const entries = state.transactions
			.filter((t) => t.RelationReference === ref)
			.slice()
			.sort((a, b) => effective(a).localeCompare(effective(b)) || a.Id - b.Id);
		const buckets: any[] = [];
		let debt = 0;
		let expired = 0;
		const expireUntil = (ms) => {
			for (const b of buckets)
				if (!b.done && toMs(b.expiry) <= ms) {
					b.expired = b.remaining;
					expired += b.remaining;
					b.remaining = 0;
					b.done = true;
				}
		};
		for (const e of entries) {
			const at = toMs(effective(e));
			expireUntil(at);
			if (e.Points > 0 || e.BlockedPoints > 0) {
				let pts = Math.max(0, e.Points);
				const paid = Math.min(debt, pts);
				debt -= paid;
				pts -= paid;
				buckets.push({
					expiry: e.ExpiryDate,
					accrued: Math.max(0, e.Points),
					blocked: e.BlockedPoints,
					remaining: pts,
					redeemed: paid,
					expired: 0,
					done: false,
				});
			}
			if (e.Points < 0) {
				let need = -e.Points;
				for (const b of buckets) {
					if (need === 0) break;
					const take = Math.min(b.remaining, need);
					b.remaining -= take;
					b.redeemed += take;
					need -= take;
				}
				debt += need;
			}
		}
		expireUntil(now);
		const balance = buckets.reduce((n, b) => n + b.remaining, 0) - debt;
		return { balance, buckets, expired, entries };
	};
	const pointsOf = (ref) => accountOf(ref).balance;
	const memberNumber = (ref) => {
		const m = /^MEM(\d{4})$/.exec(ref);
		return m ? Number(m[1]) : undefined;
	};
	/** The MD5 hex the demo member's password hashes to (what #6 expects in Password). */
	const passwordHashOf = (ref) => state.members.get(ref)?.PasswordHash ?? undefined;

	// ---- seed ----------------------------------------------------------------------------------------------
	// Ledgers spread over 2025-01-01 .. 2026-11-30: a referral bonus first, every 5th a CR reversal, the rest
	// DR purchases on the configured product codes.
	const SEED_START = Date.UTC(2025, 0, 1);
	const SEED_DAYS = 698;
	for (let i = 1; i <= options.members; i++) {
		const ref = `MEM${String(i).padStart(4, '0')}`;
		const status = i === 24 ? '5' : i === 25 ? '2' : '1';
		const member = addMember(
			{
				relation_reference: ref,
				full_name: `Member ${i}`,
				email_id: `member${i}@example.com`,
				mobile_number: `+9198765000${String(i).padStart(2, '0')}`,
				status,
				gender: ['M', 'F', 'O'][i % 3],
				dob: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
				address: `${i} Main Street, Mumbai`,
				city: 'Mumbai',
			},
			{
				EnrollmentDate: '2024-12-01T10:00:00',
				ActivatedDate: status === '1' ? '2024-12-02T10:00:00' : null,
				TierName: ['Silver', 'Gold', 'Platinum'][i % 3],
				PasswordHash: md5(`Passw0rd!${i}`),
			},
		);
		for (let k = 0; k < options.transactionsPerMember; k++) {
			const offset = Math.floor(((k + 0.5) * SEED_DAYS) / options.transactionsPerMember);
			const date = stamp(
				SEED_START + ((offset + i * 3) % SEED_DAYS) * 86400000 + 36000000 + i * 60000,
			);
			if (k === 0) {
				addEntry({
					RelationReference: ref,
					TransactionId: `SEED-${i}-${k}`,
					TransactionType: 'BONUS',
					Points: 100,
					Narration: 'Referral Bonus',
					TransactionDate: date,
					ProcessingDate: date,
					AdditionalDetail: 'Referral campaign',
					LoyaltyTxnType: 2,
					MerchantName: 'Loyalife',
				});
				continue;
			}
			const entry = recordTransaction({
				transaction_id: `SEED-${i}-${k}`,
				amount: 100 + ((i * k * 137) % 2900),
				transaction_date: date,
				product_code: PRODUCT_CODES[k % 3],
				member_relation_reference: ref,
				transaction_type: k % 5 === 4 ? 'CR' : 'DR',
			});
			entry.ProcessingDate = date;
		}
		void member;
	}

	// ---- request checks ------------------------------------------------------------------------------------
	const refuse = (message, status = 400) => new HttpError(status, failure('999', message));
	/** A body of the wrong JSON kind: 998, "invalid request (structurally invalid)" (concepts/response-format). */
	const malformed = (message) => new HttpError(400, failure('998', message));
	const authorize = (ctx) => {
		const check = tokens.check(bearerOf(ctx.headers));
		if (!check.ok) {
			throw new HttpError(
				401,
				failure(
					'401',
					check.reason === 'expired'
						? 'Token has expired'
						: check.reason === 'revoked'
							? 'Token has been invalidated'
							: 'Invalid token',
				),
			);
		}
		return check.subject;
	};
	/** Query parameters: exactly the allowed names; pintProgramId an integer equal to the token's program. */
	const queryOf = (ctx, subject, allowed: string[], required: string[] = allowed) => {
		const q: Record<string, string> = {};
		for (const [k, v] of ctx.query) {
			if (!allowed.includes(k))
				throw refuse(
					allowed.length
						? `${k} is not a query parameter of this request (allowed: ${allowed.join(', ')})`
						: `${k} is not a query parameter of this request (it takes none)`,
				);
			q[k] = v;
		}
		for (const k of required) if (!q[k]) throw refuse(`${k} is required`);
		if ('pintProgramId' in q) {
			if (!/^\d+$/.test(q.pintProgramId))
				throw refuse(`pintProgramId must be an integer, got ${JSON.stringify(q.pintProgramId)}`);
			checkProgram(subject, Number(q.pintProgramId));
		}
		return q;
	};
	// A program other than the token's: 997 with HTTP 200 (assumed: the reference has no program-mismatch code,
	// and 997 means only "exception occurred").
	const checkProgram = (subject, program: number) => {
		if (program !== Number(subject.programId))
			throw new HttpError(
				200,
				failure('997', `Program ${program} is not accessible with this token`),
			);
	};
	/** A transaction schema that also takes the program's local attributes (text or number, optional). */
	const withLocal = (schema) =>
		options.localAttributes.length
			? schema.extend(
					Object.fromEntries(
						options.localAttributes.map((k) => [k, z.union([str(), num()]).optional()]),
					),
				)
			: schema;
	/** An unknown transaction field is, for a transaction, a local attribute the program does not configure. */
	const localNote = (text: string) =>
		text.replace(
			/is not a field of this request/g,
			`is not a field of this request (local attributes configured: ${options.localAttributes.join(', ') || 'none'})`,
		);
	const bodyOf = (ctx, schema, subject, transaction = false) => {
		const body = ctx.body;
		if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body))
			throw malformed('body must be a JSON object');
		const parsed = schema.safeParse(body);
		if (!parsed.success)
			throw refuse(
				transaction ? localNote(describe(parsed.error.issues)) : describe(parsed.error.issues),
			);
		if ('ProgramId' in parsed.data) checkProgram(subject, parsed.data.ProgramId);
		return parsed.data;
	};
	/**
	 * A member-bound token may only act on its own member: assumed, as are HTTP 403 and ErrorCode "403" (what
	 * such a token may call is not public, and no page documents 403).
	 */
	const checkMember = (subject, ref) => {
		if (subject.member && subject.member !== ref)
			throw new HttpError(
				403,
				failure('403', `This token is bound to member ${subject.member} and cannot access ${ref}`),
			);
	};
	const memberOr103 = (ref, status = 200) => {
		const member = state.members.get(ref);
		if (!member) throw new HttpError(status, failure('103', `Member does not exist: ${ref}`));
		return member;
	};

	// ---- #1 Generate Auth Token: POST /lbms-ingress/oauth/api/Auth/Token ------------------------------------
	// H/api-reference/authentication/generate-auth-token. JSON body; 200 {results:{token, tokenExpiresOn}}
	// (no IsSucessful, as the page shows); 401 {results:{IsSucessful:false, ErrorCode, ExceptionMessage}}.
	route(
		'POST',
		`${P}/oauth/api/Auth/Token`,
		(ctx) => {
			if ([...ctx.query.keys()].length)
				throw refuse(
					`${[...ctx.query.keys()][0]} is not a query parameter of this request (it takes none)`,
				);
			const body = ctx.body;
			if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body))
				throw malformed('body must be a JSON object');
			const parsed = tokenSchema.safeParse(body);
			if (!parsed.success) throw refuse(describe(parsed.error.issues));
			const client = state.clients.find((c) => c.clientId === body.client_id);
			if (!client || client.clientSecret !== body.client_secret) {
				return {
					status: 401,
					body: {
						results: {
							IsSucessful: false,
							ErrorCode: '401',
							ExceptionMessage:
								'Invalid client_id or client_secret. Regenerated credentials invalidate the old ones.',
						},
					},
				};
			}
			let member;
			if (body.scope !== undefined) {
				let scope;
				try {
					scope = JSON.parse(body.scope);
				} catch {
					scope = undefined;
				}
				if (
					!Array.isArray(scope) ||
					scope.length !== 2 ||
					scope[0] !== 'LOGIN' ||
					typeof scope[1] !== 'string' ||
					!scope[1]
				)
					throw refuse(
						'scope must be a string holding a JSON array ["LOGIN","<RelationReference>"]',
					);
				// assumed: a scope naming no member of the program is refused (not public)
				if (!state.members.has(scope[1]))
					throw new HttpError(400, failure('103', `scope: member does not exist: ${scope[1]}`));
				member = scope[1];
			}
			const expiresAt = Date.now() + tokens.lifetimeSeconds * 1000;
			const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
			const payload = {
				sub: client.clientId,
				program: client.programId,
				scope: member ? ['LOGIN', member] : [],
				exp: Math.floor(expiresAt / 1000),
				jti: randomId('', 8),
			};
			const token = `${b64url({ alg: 'HS512', typ: 'JWT' })}.${b64url(payload)}.${crypto.randomBytes(32).toString('base64url')}`;
			tokens.tokens.set(token, {
				subject: { clientId: client.clientId, programId: client.programId, member },
				expiresAt,
				revoked: false,
			});
			api.secret(token);
			tokens.issued++;
			state.issuedScopes.push(member ?? null);
			sim.stats.token(NAME);
			return {
				status: 200,
				body: {
					results: {
						token,
						tokenExpiresOn: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
					},
				},
			};
		},
		{ token: true },
	);

	// ---- #2 Create Profile: POST .../api/Member/CreateProfileWithAttributes?pintProgramId= ----------------
	// H/api-reference/members/create-profile. ReturnObject true (no Id); 409 E201 on a duplicate
	// relation_reference. status a string code "1".."6", default "5" Inactive. The address field name
	// "address" is assumed (not visible); custom attributes city, preferred_store (the demo program's).
	route('POST', `${P}/member/api/Member/CreateProfileWithAttributes`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, ['pintProgramId']);
		const body = bodyOf(ctx, createProfileSchema, subject);
		checkMember(subject, body.relation_reference);
		if (state.members.has(body.relation_reference))
			return {
				status: 409,
				body: failure(
					'E201',
					`Duplicate record: relation_reference ${body.relation_reference} already exists`,
				),
			};
		addMember(body);
		return { status: 200, body: ok(true) };
	});

	const profileView = (m) => ({
		Id: m.Id,
		FullName: m.FullName,
		Email: m.Email,
		MobileNumber: m.MobileNumber,
		DOB: m.DOB,
		Gender: m.Gender,
		Address: m.Address,
		Status: m.Status,
		IsAccountActivated: m.IsAccountActivated,
		TierName: m.TierName,
		TotalPoints: pointsOf(m.RelationReference),
		EnrollmentDate: m.EnrollmentDate,
		ActivatedDate: m.ActivatedDate,
		LastLoggedIn: m.LastLoggedIn,
		IsAccrualAllowed: m.IsAccrualAllowed,
		CustomerSegment: m.CustomerSegment,
	});

	// ---- #3 Get Member Profile: GET .../api/Member/GetMemberProfile?pintProgramId=&RelationReference= -------
	// assumed: method, path and query names not public (H/api-reference/members/get-member-profile gives the
	// fields). 404 ErrorCode 103 when unknown.
	route('GET', `${P}/member/api/Member/GetMemberProfile`, (ctx) => {
		const subject = authorize(ctx);
		const q = queryOf(ctx, subject, ['pintProgramId', 'RelationReference']);
		checkMember(subject, q.RelationReference);
		const member = memberOr103(q.RelationReference, 404);
		return { status: 200, body: ok(profileView(member)) };
	});

	// ---- #4 Get Member by Attribute: GET .../api/Member/GetMemberDetailsByUniqueAttribute -------------------
	// H/api-reference/members/get-member-by-attribute. Query names pstrAttributeName / pstrAttributeValue
	// assumed (not public). Only attributes marked unique (email_id, mobile_number) are supported. 404 when
	// no member matches (ErrorCode 103).
	route('GET', `${P}/member/api/Member/GetMemberDetailsByUniqueAttribute`, (ctx) => {
		const subject = authorize(ctx);
		const q = queryOf(ctx, subject, ['pintProgramId', 'pstrAttributeName', 'pstrAttributeValue']);
		const name = q.pstrAttributeName;
		if (!UNIQUE_ATTRIBUTES[name]) {
			const known = [...PROFILE_ATTRIBUTES, ...CUSTOM_ATTRIBUTES, 'relation_reference'] as string[];
			throw refuse(
				known.includes(name)
					? `pstrAttributeName ${name} is not a unique attribute of this program (unique: email_id, mobile_number)`
					: `pstrAttributeName ${name} is not an attribute of this program (use the attribute key, e.g. email_id, mobile_number)`,
			);
		}
		const member = [...state.members.values()].find(
			(m) => m[UNIQUE_ATTRIBUTES[name]] === q.pstrAttributeValue,
		);
		if (!member)
			return {
				status: 404,
				body: failure('103', `Member not found: no member with ${name} ${q.pstrAttributeValue}`),
			};
		checkMember(subject, member.RelationReference);
		return {
			status: 200,
			body: ok({
				Id: member.Id,
				FullName: member.FullName,
				Email: member.Email,
				RelationReference: member.RelationReference,
				TierName: member.TierName,
				TotalPoints: pointsOf(member.RelationReference),
			}),
		};
	});

	// ---- #5 Update Profile: POST .../api/Member/UpdateProfileWithAttributes?pintProgramId= ----------------
	// H/api-reference/members/update-profile. {id (internal Id), data {>= 1 attribute}}; E202 unknown id,
	// E204 member Canceled (status 4), E205 duplicate e-mail, E206 duplicate mobile: HTTP 200 with
	// IsSucessful false (the page gives no status for them). ReturnObject true.
	route('POST', `${P}/member/api/Member/UpdateProfileWithAttributes`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, ['pintProgramId']);
		const body = bodyOf(ctx, updateProfileSchema, subject);
		const member = [...state.members.values()].find((m) => m.Id === body.id);
		if (!member)
			return {
				status: 200,
				body: failure('E202', `Member does not exist: no member with id ${body.id}`),
			};
		checkMember(subject, member.RelationReference);
		if (member.Status === 4)
			return { status: 200, body: failure('E204', 'Update failed: the member is cancelled') };
		const d = body.data;
		const others = [...state.members.values()].filter((m) => m !== member);
		if (d.email_id !== undefined && others.some((m) => m.Email === d.email_id))
			return {
				status: 200,
				body: failure('E205', `Duplicate e-mail: ${d.email_id} belongs to another member`),
			};
		if (d.mobile_number !== undefined && others.some((m) => m.MobileNumber === d.mobile_number))
			return {
				status: 200,
				body: failure('E206', `Duplicate mobile: ${d.mobile_number} belongs to another member`),
			};
		if (d.full_name !== undefined) member.FullName = d.full_name;
		if (d.email_id !== undefined) member.Email = d.email_id;
		if (d.mobile_number !== undefined) member.MobileNumber = d.mobile_number;
		if (d.gender !== undefined) member.Gender = d.gender;
		if (d.dob !== undefined) member.DOB = `${d.dob}T00:00:00`;
		if (d.address !== undefined) member.Address = d.address;
		for (const k of CUSTOM_ATTRIBUTES) if (d[k] !== undefined) member.Custom[k] = d[k];
		if (d.status !== undefined) {
			member.Status = Number(d.status);
			if (member.Status === 1 && !member.IsAccountActivated) {
				member.IsAccountActivated = true;
				member.ActivatedDate = stamp(clock());
			}
		}
		return { status: 200, body: ok(true) };
	});

	// ---- #6 Check Membership Credentials: POST .../api/Member/CheckMembershipCredentialsByRelationReference
	// H/api-reference/members/check-credentials. Password is the hash (demo program: MD5 hex of
	// "Passw0rd!<n>" for MEM<n>, see passwordHashOf); 401 envelope when wrong (LoginAttempt + 1). On success
	// LastLoggedIn is the previous login and LoginAttempt the failures since it; both then reset.
	route('POST', `${P}/member/api/Member/CheckMembershipCredentialsByRelationReference`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, credentialsSchema, subject);
		checkMember(subject, body.UniquerefID);
		const member = state.members.get(body.UniquerefID);
		const invalid = () => ({
			status: 401,
			body: failure('401', 'Invalid credentials: UniquerefID or Password is wrong'),
		});
		if (!member || !member.PasswordHash) return invalid();
		if (member.PasswordHash.toLowerCase() !== body.Password.toLowerCase()) {
			member.LoginAttempt++;
			return invalid();
		}
		// assumed: Login Blocked (3), Canceled (4) and Membership Blocked (6) members cannot log in
		if ([3, 4, 6].includes(member.Status))
			return {
				status: 401,
				body: failure('401', `Login is not allowed for member status ${member.Status}`),
			};
		const answer = {
			Id: member.Id,
			FullName: member.FullName,
			Email: member.Email,
			Status: member.Status,
			IsAccountActivated: member.IsAccountActivated,
			LastLoggedIn: member.LastLoggedIn,
			LoginAttempt: member.LoginAttempt,
			ForceChangePassword: member.ForceChangePassword,
		};
		member.LastLoggedIn = stamp(clock());
		member.LoginAttempt = 0;
		return { status: 200, body: ok(answer) };
	});

	// ---- #7-#10 OTP ---------------------------------------------------------------------------------------
	// A 6-digit integer code without a leading zero, recorded in state.otps (tests read it there). A new code
	// replaces the member's outstanding code of the same OtpType (assumed). Verify: the OtpType must equal the
	// one generated, single use, expiry and attempt limit per program (assumed 10 minutes, 5 attempts).
	const generateOtp = (ctx, byRelation: boolean) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, generateOtpSchema, subject);
		// An unknown member: 103 over HTTP 200, assumed (the page gives neither error codes nor a status).
		const member = byRelation
			? state.members.get(body.UniquerefID)
			: [...state.members.values()].find((m) => m.Email === body.UniquerefID);
		if (!member)
			return {
				status: 200,
				body: failure(
					'103',
					`Member does not exist: no member with ${byRelation ? 'RelationReference' : 'e-mail'} ${body.UniquerefID}`,
				),
			};
		checkMember(subject, member.RelationReference);
		for (const o of state.otps)
			if (o.RelationReference === member.RelationReference && o.OtpType === body.OtpType)
				o.used = true;
		state.otps.push({
			RelationReference: member.RelationReference,
			Email: member.Email,
			UniquerefID: body.UniquerefID,
			OtpType: body.OtpType,
			OTP: 100000 + crypto.randomInt(900000),
			by: byRelation ? 'RelationReference' : 'Email',
			createdAt: Date.now(),
			expiresAt: Date.now() + options.otpLifetimeSeconds * 1000,
			used: false,
			attempts: 0,
		});
		return { status: 200, body: ok(true) };
	};
	const verifyOtp = (ctx, byRelation: boolean) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, verifyOtpSchema, subject);
		const member = byRelation
			? state.members.get(body.UniquerefID)
			: [...state.members.values()].find((m) => m.Email === body.UniquerefID);
		// The page gives the 400 but not its ErrorCode: "OTP001" is assumed (999 means a malformed request).
		const invalid = (why) => ({
			status: 400,
			body: failure('OTP001', `Invalid or expired OTP: ${why}`),
		});
		if (!member)
			return invalid(
				`no member with ${byRelation ? 'RelationReference' : 'e-mail'} ${body.UniquerefID}`,
			);
		checkMember(subject, member.RelationReference);
		const outstanding = state.otps.filter(
			(o) => o.RelationReference === member.RelationReference && !o.used,
		);
		const otp = outstanding.find((o) => o.OtpType === body.OtpType);
		if (!otp)
			return invalid(
				outstanding.length
					? `no OTP of OtpType ${body.OtpType} was generated (OtpType must equal the one used to generate)`
					: 'no OTP outstanding (already used, or never generated)',
			);
		if (Date.now() > otp.expiresAt) {
			otp.used = true;
			return invalid('the OTP has expired');
		}
		if (otp.OTP !== body.OTP) {
			otp.attempts++;
			if (otp.attempts >= options.otpAttempts) otp.used = true;
			return invalid(otp.used ? 'wrong OTP, attempt limit reached' : 'OTP does not match');
		}
		otp.used = true;
		otp.verifiedAt = Date.now();
		return { status: 200, body: ok(true) };
	};
	// #7 H/api-reference/otp/generate-otp: UniquerefID is the member's e-mail
	route('POST', `${P}/member/api/Member/GenerateOTP`, (ctx) => generateOtp(ctx, false));
	// #8 assumed path and body (not public): the #7 body with UniquerefID = RelationReference;
	// H/api-reference/otp/generate-otp-by-relation
	route('POST', `${P}/member/api/Member/GenerateOTPByRelationReference`, (ctx) =>
		generateOtp(ctx, true),
	);
	// #9 H/api-reference/otp/verify-otp: UniquerefID is the e-mail; 400 when invalid, expired or used
	route('POST', `${P}/member/api/Member/VerifyOTP`, (ctx) => verifyOtp(ctx, false));
	// #10 H/api-reference/otp/verify-otp-by-relation: UniquerefID is the RelationReference
	route('POST', `${P}/member/api/Member/VerifyOTPByRelationReference`, (ctx) =>
		verifyOtp(ctx, true),
	);

	// ---- #11 Insert Transaction: POST .../API/Transaction/InsertTransactionData?pintProgramId= -------------
	// H/api-reference/transactions/insert-transaction. DR earns, CR deducts (1 point per 10 of amount);
	// product codes CARD, FUEL, ONLINE, others 400; unknown member ErrorCode 103 with HTTP 400 (the page's
	// only failure status; assumed for 103). _xoxo_api_client_idempotency belongs to V2 only: refused here.
	route('POST', `${P}/transaction-lm/API/Transaction/InsertTransactionData`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, ['pintProgramId']);
		const body = bodyOf(ctx, withLocal(insertSchema), subject, true);
		checkMember(subject, body.member_relation_reference);
		if (!PRODUCT_CODES.includes(body.product_code))
			throw refuse(
				`product_code ${body.product_code} is not configured in this program (configured: ${PRODUCT_CODES.join(', ')})`,
			);
		memberOr103(body.member_relation_reference, 400);
		recordTransaction(body);
		return { status: 200, body: ok(true) };
	});

	// ---- #12 Insert Transaction V2: POST .../API/Transaction/InsertTransactionDataV2?pintProgramId= --------
	// H/api-reference/transactions/insert-transaction-v2 and H/concepts/idempotency. A JSON array (at most
	// maxBatch, assumed 100) of #11 objects with dr/cr and _xoxo_api_client_idempotency inside each. 202;
	// snapshot B (default): ErrorCode 001, batch_id like abc_1759321530_123, transactions[]; snapshot A:
	// ErrorCode 000, a UUID batch_id, no transactions[]. Whether the key is enforced is program-dependent
	// (H/concepts/idempotency): with options.enforceIdempotency (the demo program's, assumed) the same key
	// again records nothing new and answers the same request_id; without it the item is recorded again. Processed later: PENDING for batchPendingPolls polls, then SUCCESS,
	// FAILED (unknown member or product code), ON HOLD (amount > 50,000: nothing awarded, all blocked) or
	// PARTIAL HOLD (20,000..50,000: half awarded, the rest blocked); thresholds assumed.
	const processItem = (item) => {
		if (item.status !== 'PENDING') return;
		const t = item.input;
		if (!state.members.has(t.member_relation_reference)) {
			item.status = 'FAILED';
			item.error = 'Member does not exist';
			item.message = 'Transaction failed';
			return;
		}
		if (!PRODUCT_CODES.includes(t.product_code)) {
			item.status = 'FAILED';
			item.error = `Invalid product code ${t.product_code}`;
			item.message = 'Transaction failed';
			return;
		}
		const full = ruleEnginePoints(t.amount);
		const sign = t.transaction_type === 'dr' ? 1 : -1;
		if (t.amount > HOLD_ABOVE) {
			recordTransaction(t, 0, full);
			item.status = 'ON HOLD';
			item.message = 'Transaction held for review';
		} else if (t.amount >= PARTIAL_HOLD_FROM) {
			const half = Math.floor(full / 2);
			recordTransaction(t, half, full - half);
			item.status = 'PARTIAL HOLD';
			item.points = sign * half;
			item.message = 'Points partly awarded, the rest held for review';
		} else {
			recordTransaction(t);
			item.status = 'SUCCESS';
			item.points = sign * full;
			item.message = 'Points awarded';
		}
	};
	const processBatch = (batch) => {
		for (const item of batch.items) processItem(item);
	};
	route('POST', `${P}/transaction-lm/API/Transaction/InsertTransactionDataV2`, (ctx) => {
		const subject = authorize(ctx);
		// The body is checked before the query: a wrong body is refused even when the query is wrong too.
		const key = Object.keys(ctx.headers).find((h) => /xoxo_api_client_idempotency/i.test(h));
		if (key)
			throw refuse(
				'_xoxo_api_client_idempotency is a field of each transaction object, not a header',
			);
		if (!Array.isArray(ctx.body)) throw malformed('body must be a JSON array of transactions');
		// assumed: the page does not say an empty array is refused
		if (ctx.body.length === 0) throw refuse('body must hold at least one transaction');
		if (ctx.body.length > options.maxBatch)
			throw refuse(
				`body holds ${ctx.body.length} transactions; a batch holds at most ${options.maxBatch}`,
			);
		const rows = ctx.body.map((t, i) => {
			if (typeof t !== 'object' || t === null || Array.isArray(t))
				throw malformed(`[${i}] must be a JSON object`);
			const parsed = withLocal(insertV2ItemSchema).safeParse(t);
			if (!parsed.success) throw refuse(localNote(describe(parsed.error.issues, `[${i}].`)));
			checkMember(subject, parsed.data.member_relation_reference);
			return parsed.data;
		});
		queryOf(ctx, subject, ['pintProgramId']);
		const batchId =
			options.batchSnapshot === 'A'
				? crypto.randomUUID()
				: `abc_${Math.floor(Date.now() / 1000)}_${randomId('', 3)}`;
		const items: any[] = [];
		for (const t of rows) {
			const k = options.enforceIdempotency ? t._xoxo_api_client_idempotency : undefined;
			let item = k ? state.idempotency.get(k) : undefined;
			if (!item) {
				item = {
					request_id: randomId('req_', 8),
					input: t,
					status: 'PENDING',
					member_relation_reference: t.member_relation_reference,
					transaction_id: t.transaction_id,
					transaction_type: t.transaction_type,
				};
				if (k) state.idempotency.set(k, item);
			}
			items.push(item);
		}
		const batch = { batch_id: batchId, programId: subject.programId, polls: 0, items };
		state.batches.set(batchId, batch);
		if (options.batchPendingPolls <= 0) processBatch(batch);
		const answer: any = {
			batch_id: batchId,
			message: 'Transactions queued successfully',
			total_transactions: rows.length,
		};
		if (options.batchSnapshot !== 'A')
			answer.transactions = items.map((i) => ({
				member_relation_reference: i.member_relation_reference,
				transaction_id: i.transaction_id,
				transaction_type: i.transaction_type,
				request_id: i.request_id,
			}));
		return {
			status: 202,
			body: ok(answer, 0, options.batchSnapshot === 'A' ? '000' : '001'),
		};
	});

	// ---- #13 Poll Batch Status: GET .../API/Transaction/PollTransactionBatchStatus?pintProgramId=&batch_id=
	// H/api-reference/transactions/poll-batch-status; the query names are assumed (not public). Unknown
	// batch: 404 envelope (ErrorCode "404", assumed).
	route('GET', `${P}/transaction-lm/API/Transaction/PollTransactionBatchStatus`, (ctx) => {
		const subject = authorize(ctx);
		const q = queryOf(ctx, subject, ['pintProgramId', 'batch_id']);
		const batch = state.batches.get(q.batch_id);
		if (!batch || batch.programId !== subject.programId)
			return { status: 404, body: failure('404', `Batch not found: ${q.batch_id}`) };
		batch.polls++;
		if (batch.polls > options.batchPendingPolls) processBatch(batch);
		const unique = [...new Set(batch.items)] as any[];
		const count = (s) => unique.filter((i) => i.status === s).length;
		const listed = options.batchListsPending
			? unique
			: unique.filter((i) => i.status !== 'PENDING');
		const results = listed.map((i) => {
			const r: any = { request_id: i.request_id, status: i.status };
			if (i.status === 'SUCCESS' || i.status === 'PARTIAL HOLD') r.points = i.points;
			r.message = i.status === 'PENDING' ? 'Queued for processing' : i.message;
			if (i.status === 'FAILED') r.error = i.error;
			return r;
		});
		return {
			status: 200,
			body: ok({
				batch_id: batch.batch_id,
				summary: {
					total: unique.length,
					success: count('SUCCESS'),
					failed: count('FAILED'),
					pending: count('PENDING'),
					on_hold: count('ON HOLD'),
					partial_hold: count('PARTIAL HOLD'),
				},
				results,
			}),
		};
	});

	// ---- #14 Get Transaction Summary by Date: POST .../API/Transaction/GetMemberTransactionSummaryByDate ---
	// H/api-reference/transactions/get-transaction-summary. The member's ledger with DateFrom <=
	// TransactionDate <= DateTo, newest first (assumed), MinimumRange the 0-based start, MaximumRange the number
	// of records (assumed); Count the total matching. TransactionType answers 1 (the example's value; its
	// meaning is not public).
	const entryView = (e) => ({
		Id: e.Id,
		Points: e.Points,
		Narration: e.Narration,
		TransactionDate: e.TransactionDate,
		ProcessingDate: e.ProcessingDate,
		ExpiryDate: e.ExpiryDate,
		ExternalReference: e.ExternalReference,
		AdditionalDetail: e.AdditionalDetail,
		LoyaltyTxnType: e.LoyaltyTxnType,
		MerchantName: e.MerchantName,
		RelationReference: e.RelationReference,
		TransactionType: 1,
		IsActive: e.IsActive,
	});
	route('POST', `${P}/transaction-lm/API/Transaction/GetMemberTransactionSummaryByDate`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, summarySchema, subject);
		if (body.DateFrom > body.DateTo) throw refuse('DateFrom must not be after DateTo');
		checkMember(subject, body.RelationReference);
		memberOr103(body.RelationReference);
		const matching = state.transactions
			.filter(
				(t) =>
					t.RelationReference === body.RelationReference &&
					t.Listed &&
					t.TransactionDate >= body.DateFrom &&
					t.TransactionDate <= body.DateTo,
			)
			.sort((a, b) => b.TransactionDate.localeCompare(a.TransactionDate) || b.Id - a.Id);
		const page = matching.slice(body.MinimumRange, body.MinimumRange + body.MaximumRange);
		return { status: 200, body: ok(page.map(entryView), matching.length) };
	});

	// ---- #15 Get Statement Summary: POST .../API/Transaction/GetMemberStatementSummary ----------------------
	// H/api-reference/transactions/get-statement-summary. PointBalance = Bonus + Spend + Partner + Purchased
	// + OtherAccrued - Redeem - ExpiredPoints, where Spend is DR earnings net of CR reversals and Redeem the
	// redemptions net of their reversals (assumed; the page gives the fields only).
	route('POST', `${P}/transaction-lm/API/Transaction/GetMemberStatementSummary`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, memberBodySchema, subject);
		checkMember(subject, body.RelationReference);
		memberOr103(body.RelationReference);
		const account = accountOf(body.RelationReference);
		const sum = (types) =>
			account.entries
				.filter((e) => types.includes(e.TransactionType))
				.reduce((n, e) => n + e.Points, 0);
		return {
			status: 200,
			body: ok({
				PointBalance: account.balance,
				Bonus: sum(['BONUS']),
				Spend: sum(['DR', 'CR']),
				Redeem: -sum(['REDEEM', 'REDEEM_REVERSAL']),
				Partner: 0,
				Purchased: 0,
				OtherAccrued: 0,
				ExpiredPoints: account.expired,
			}),
		};
	});

	// ---- #16 Get Expiry Schedule: POST .../API/Transaction/GetExpirySchedule --------------------------------
	// H/api-reference/transactions/get-expiry-schedule (a POST with a JSON body). Quarterly; per quarter of
	// Year the points whose expiry (12 months after TransactionDate, assumed) falls in it: AccrualPoints
	// (awarded + blocked), RedeemPoints (taken from them), BlockedPoints (held), TotalExpiredPoints (already
	// expired), TotalAvailablePoints = Accrual - Redeem - Blocked - Expired. ScheduleDate the quarter's last day.
	route('POST', `${P}/transaction-lm/API/Transaction/GetExpirySchedule`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, expirySchema, subject);
		checkMember(subject, body.RelationReference);
		memberOr103(body.RelationReference);
		const { buckets } = accountOf(body.RelationReference);
		const ends = ['03-31', '06-30', '09-30', '12-31'];
		const ExpiryPeriod = ends.map((end, q) => {
			const from = `${body.Year}-${String(q * 3 + 1).padStart(2, '0')}-01T00:00:00`;
			const to = `${body.Year}-${end}T23:59:59`;
			const inQuarter = buckets.filter((b) => b.expiry >= from && b.expiry <= to);
			const total = (k) => inQuarter.reduce((n, b) => n + b[k], 0);
			const accrual = total('accrued') + total('blocked');
			const redeemed = total('redeemed');
			const blocked = total('blocked');
			const expired = total('expired');
			return {
				ScheduleDate: `${body.Year}-${end}T23:59:59`,
				AccrualPoints: accrual,
				RedeemPoints: redeemed,
				BlockedPoints: blocked,
				TotalExpiredPoints: expired,
				TotalAvailablePoints: accrual - redeemed - blocked - expired,
			};
		});
		return { status: 200, body: ok({ Period: 'Quarterly', ExpiryPeriod }) };
	});

	// ---- #17 Check Availability: POST .../pg-lm/API/PG/CheckAvailability ----------------------------------
	// H/api-reference/payment-gateway/check-availability. A bare integer; 103 unknown member, 107 Status not
	// 1 (HTTP 200 with IsSucessful false: the page gives codes without statuses).
	const activeMember = (ref) => {
		const member = memberOr103(ref);
		if (member.Status !== 1)
			throw new HttpError(
				200,
				failure('107', `Member status is not Active (Status ${member.Status}): ${ref}`),
			);
		return member;
	};
	route('POST', `${P}/pg-lm/API/PG/CheckAvailability`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, memberBodySchema, subject);
		checkMember(subject, body.RelationReference);
		activeMember(body.RelationReference);
		return { status: 200, body: ok(pointsOf(body.RelationReference)) };
	});

	// ---- #18 Redeem Points: POST .../pg-lm/API/PG/RedeemPoints ----------------------------------------------
	// H/api-reference/payment-gateway/redeem-points. ReturnObject the bare ExternalReference UUID (upper case).
	// 107 not Active; 109 "Insufficient points: balance N, requested M" (assumed: not public; no partial
	// redemption). A ledger entry LoyaltyTxnType 1 (Spend) with negative Points.
	route('POST', `${P}/pg-lm/API/PG/RedeemPoints`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, redeemSchema, subject);
		checkMember(subject, body.RelationReference);
		activeMember(body.RelationReference);
		const balance = pointsOf(body.RelationReference);
		if (body.Points > balance)
			return {
				status: 200,
				body: failure('109', `Insufficient points: balance ${balance}, requested ${body.Points}`),
			};
		const ExternalReference = uuid();
		const entry = addEntry({
			RelationReference: body.RelationReference,
			TransactionType: 'REDEEM',
			Points: -body.Points,
			Amount: body.Amount,
			Narration: `Redemption at ${body.MerchantName}`,
			TransactionDate: stamp(clock()),
			ExternalReference,
			AdditionalDetail: `${REDEEM_TYPES[body.LoyaltyTxnType]}; amount ${body.Amount}`,
			LoyaltyTxnType: 1,
			MerchantName: body.MerchantName,
		});
		state.redemptions.set(ExternalReference, {
			ExternalReference,
			RelationReference: body.RelationReference,
			MerchantName: body.MerchantName,
			Points: body.Points,
			Amount: body.Amount,
			LoyaltyTxnType: body.LoyaltyTxnType,
			Reversed: false,
			entry,
		});
		return { status: 200, body: ok(ExternalReference) };
	});

	// ---- #19 Reversal Points: POST .../pg-lm/API/PG/ReversalPoints -----------------------------------------
	// H/api-reference/payment-gateway/reversal-points. ReturnObject true; the points come back (a ledger
	// entry LoyaltyTxnType 2). RelationReference and MerchantName must equal the redemption's (999 naming the
	// field, HTTP 400); one reversal per ExternalReference (110 with HTTP 200, assumed).
	route('POST', `${P}/pg-lm/API/PG/ReversalPoints`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, reversalSchema, subject);
		checkMember(subject, body.RelationReference);
		const ref = body.ExternalReference.toUpperCase();
		const redemption = state.redemptions.get(ref);
		if (!redemption)
			throw refuse(
				`ExternalReference ${body.ExternalReference} is not a redemption of this program`,
			);
		if (redemption.RelationReference !== body.RelationReference)
			throw refuse(
				`RelationReference ${body.RelationReference} differs from the redemption's (${redemption.RelationReference})`,
			);
		if (redemption.MerchantName !== body.MerchantName)
			throw refuse(
				`MerchantName ${body.MerchantName} differs from the redemption's (${redemption.MerchantName})`,
			);
		if (redemption.Reversed)
			return {
				status: 200,
				body: failure('110', `Redemption ${ref} was already reversed`),
			};
		redemption.Reversed = true;
		redemption.reversal = addEntry({
			RelationReference: redemption.RelationReference,
			TransactionType: 'REDEEM_REVERSAL',
			Points: redemption.Points,
			Amount: redemption.Amount,
			Narration: `Reversal of redemption at ${redemption.MerchantName}`,
			TransactionDate: stamp(clock()),
			AdditionalDetail: `reversal of ${ref}`,
			LoyaltyTxnType: 2,
			MerchantName: redemption.MerchantName,
		});
		return { status: 200, body: ok(true) };
	});

	// ---- anything else under /lbms-ingress/<4 segments>: a wrong method (405) or path (404), as envelopes --
	const known = Object.keys(SOURCES)
		.filter((k) => !k.includes('/:'))
		.map((k) => {
			const [method, path] = k.split(' ');
			return { method, path };
		});
	const fallback = (ctx) => {
		const path = ctx.url.pathname.slice(`/${NAME}`.length);
		const same = known.filter((k) => k.path === path);
		if (same.length)
			return {
				status: 405,
				body: failure(
					'999',
					`Method ${ctx.req.method} is not allowed on ${path}; use ${same.map((k) => k.method).join(', ')}`,
				),
			};
		const cased = known.find((k) => k.path.toLowerCase() === path.toLowerCase());
		return {
			status: 404,
			body: failure(
				'999',
				cased
					? `No endpoint ${path}: the path is case-sensitive, did you mean ${cased.path}?`
					: `No endpoint ${ctx.req.method} ${path}`,
			),
		};
	};
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
		route(method, `${P}/:module/:api/:controller/:operation`, fallback, { token: true });

	return {
		/** The client a request comes from, whichever of its tokens it carries: rate limits count per client. */
		callerOf: (ctx) => tokens.tokens.get(bearerOf(ctx.headers) ?? '')?.subject?.clientId,
		state,
		tokens,
		pointsOf,
		passwordHashOf,
		/** Processes every pending batch item now (as if each batch had been polled enough). */
		settleBatches: () => {
			for (const batch of state.batches.values()) processBatch(batch);
		},
		// The 429's status and text are assumed: the rate-limit answer is not public.
		faultBody: (status) =>
			failure(String(status), status === 429 ? 'Rate limit exceeded' : 'Internal server error'),
		notFound: ({ path }) => ({
			status: 404,
			body: failure('999', `No endpoint ${path.slice(`/${NAME}`.length)}`),
		}),
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			/** Regenerating credentials: a new secret, and every token issued before is invalid. */
			rotateSecret: ({ clientId, clientSecret }) => {
				const client = state.clients.find((c) => c.clientId === clientId);
				client.clientSecret = clientSecret;
				return { revoked: tokens.revokeAll((s) => s.clientId === clientId) };
			},
			/** The OTPs sent, newest last (tests in another process read the code here). */
			otps: () => ({ otps: state.otps.map(({ input, ...o }) => o) }),
			settleBatches: () => {
				for (const batch of state.batches.values()) processBatch(batch);
				return { ok: true };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS };
