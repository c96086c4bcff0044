import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IHttpRequestMethods,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { paginate } from '../shared/http/pagination';
import { credentialSettings } from '../shared/http/per-execution';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider, ProviderError } from '../shared/http/types';

export const CREDENTIAL_TYPE = 'loyalifeApi';

export const REF = 'https://help-loyalife.xoxoday.com/api-reference';

/**
 * Every documented Loyalife path the node calls, each with its page under
 * help-loyalife.xoxoday.com/api-reference. The two paths that are not public (Get Member Profile, Generate
 * OTP by Relation Reference) are in ASSUMED, with every other value the reference does not show.
 */
export const PATHS = {
	/** POST, query pintProgramId: members/create-profile */
	createMember: '/lbms-ingress/member/api/Member/CreateProfileWithAttributes',
	/** GET, query pintProgramId + the attribute (names assumed: ASSUMED.memberLookup): members/get-member-by-attribute */
	getMemberByAttribute: '/lbms-ingress/member/api/Member/GetMemberDetailsByUniqueAttribute',
	/** POST {id, data}, query pintProgramId: members/update-profile */
	updateMember: '/lbms-ingress/member/api/Member/UpdateProfileWithAttributes',
	/** POST: members/check-credentials */
	checkCredentials: '/lbms-ingress/member/api/Member/CheckMembershipCredentialsByRelationReference',
	/** POST: otp/generate-otp (the member by e-mail) */
	generateOtp: '/lbms-ingress/member/api/Member/GenerateOTP',
	/** POST: otp/verify-otp (the member by e-mail) */
	verifyOtp: '/lbms-ingress/member/api/Member/VerifyOTP',
	/** POST: otp/verify-otp-by-relation */
	verifyOtpByRelation: '/lbms-ingress/member/api/Member/VerifyOTPByRelationReference',
	/** POST, query pintProgramId: transactions/insert-transaction */
	insertTransaction: '/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionData',
	/** POST an array, query pintProgramId, answered 202: transactions/insert-transaction-v2 */
	insertTransactionBatch: '/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2',
	/** GET (query assumed: ASSUMED.batchPoll): transactions/poll-batch-status */
	pollBatchStatus: '/lbms-ingress/transaction-lm/API/Transaction/PollTransactionBatchStatus',
	/** POST: transactions/get-transaction-summary (member-scoped, paged, Count is the total) */
	transactionSummary:
		'/lbms-ingress/transaction-lm/API/Transaction/GetMemberTransactionSummaryByDate',
	/** POST: transactions/get-statement-summary */
	statementSummary: '/lbms-ingress/transaction-lm/API/Transaction/GetMemberStatementSummary',
	/** POST with a JSON body (Year): transactions/get-expiry-schedule */
	expirySchedule: '/lbms-ingress/transaction-lm/API/Transaction/GetExpirySchedule',
	/** POST, ReturnObject a bare integer: payment-gateway/check-availability */
	checkAvailability: '/lbms-ingress/pg-lm/API/PG/CheckAvailability',
	/** POST, ReturnObject the ExternalReference (a bare string): payment-gateway/redeem-points */
	redeemPoints: '/lbms-ingress/pg-lm/API/PG/RedeemPoints',
	/** POST: payment-gateway/reversal-points (one reversal per ExternalReference) */
	reversePoints: '/lbms-ingress/pg-lm/API/PG/ReversalPoints',
};

/** The reference page of each operation, for error texts and the README. */
export const PAGES = {
	summary: `${REF}/transactions/get-transaction-summary`,
	pollBatch: `${REF}/transactions/poll-batch-status`,
};

/**
 * Every value the public reference does not show, ASSUMED and kept here only (the README lists the same
 * eight). Correct them here for a program whose API differs.
 */
export const ASSUMED = {
	/** Get Member Profile (members/get-member-profile): method, path and query parameter not public. */
	profile: {
		method: 'GET' as IHttpRequestMethods,
		path: '/lbms-ingress/member/api/Member/GetMemberProfile',
		query: 'RelationReference',
		/** pintProgramId in the query, as the other member reads take it. */
		sendsProgram: true,
	},
	/** Get Member by Attribute (members/get-member-by-attribute): its two query parameter names. */
	memberLookup: {
		nameParameter: 'pstrAttributeName',
		valueParameter: 'pstrAttributeValue',
	},
	/** Create Profile's address field (members/create-profile shows an example value, not the name). */
	addressField: 'address',
	/** Generate OTP by Relation Reference (otp/generate-otp-by-relation): path and body not public. */
	otpByRelation: {
		path: '/lbms-ingress/member/api/Member/GenerateOTPByRelationReference',
		/** The body of GenerateOTP, with UniquerefID the relation reference. */
		body: 'as GenerateOTP' as const,
	},
	/** Poll Batch Status (transactions/poll-batch-status): its query parameters not public. */
	batchPoll: {
		query: 'batch_id',
		/** pintProgramId in the query, as Insert Transaction V2 takes it. */
		sendsProgram: true,
	},
	/** The summary's MaximumRange read as a record count (its description is cut after "Number of record"). */
	summaryPageSize: 100,
	/** The summary's field DateFrom and DateTo filter on (transactions/get-transaction-summary does not say). */
	summaryDateField: 'TransactionDate',
	/** The deployment's time zone when the credential names none (transactions/insert-transaction). */
	timeZone: 'UTC',
};

/**
 * The retry key Loyalife reads from inside each transaction object (concepts/idempotency,
 * transactions/insert-transaction-v2): not a header.
 */
export const IDEMPOTENCY_FIELD = '_xoxo_api_client_idempotency';

/** Unique attribute keys for a member lookup (members/get-member-by-attribute's examples). */
export const MEMBER_ATTRIBUTES = {
	email: 'email_id',
	mobile: 'mobile_number',
};

/** RelationType 4 = customer, "used in almost all endpoints" (introduction); the only value documented. */
export const RELATION_TYPE_CUSTOMER = 4;

export interface Envelope<T = unknown> {
	results: {
		IsSucessful: boolean;
		ErrorCode: string | null;
		ExceptionMessage: string | null;
		ReturnObject: T;
		Count?: number;
	};
}

function envelopeProblem(body: unknown): ProviderError | undefined {
	const results = (body as Envelope | undefined)?.results;
	if (!results || typeof results !== 'object' || results.IsSucessful !== false) return undefined;
	return {
		message: results.ExceptionMessage ?? 'Loyalife reported a failure without a message',
		code:
			results.ErrorCode !== null && results.ErrorCode !== undefined
				? `ErrorCode ${results.ErrorCode}`
				: undefined,
	};
}

/** The universal error codes (concepts/response-format). */
const UNIVERSAL_CODES: Record<string, string> = {
	'997': 'an exception occurred on the server',
	'998': 'the request is structurally invalid',
	'999': 'the payload has missing or malformed fields',
};

/**
 * Whether a failed call is the documented business answer `status` (a wrong OTP, credentials that do not
 * match), not a malformed request (the universal codes 997 to 999), so an operation may output it.
 */
export function isBusinessAnswer(error: unknown, status: string): error is NodeApiError {
	return (
		error instanceof NodeApiError &&
		error.httpCode === status &&
		!/ErrorCode 99[789]/.test(error.message)
	);
}

const NO_ENVELOPE: ProviderError = {
	message:
		'Loyalife answered without its envelope (results.IsSucessful is not true): check that the Base URL is the Loyalife API, not a proxy or login page',
};

export const loyalife: Provider = {
	name: 'Loyalife',
	credentialType: CREDENTIAL_TYPE,
	parseError(body) {
		const problem = envelopeProblem(body);
		if (problem) {
			const code = problem.code?.replace('ErrorCode ', '') ?? '';
			return UNIVERSAL_CODES[code]
				? { ...problem, code: `${problem.code}: ${UNIVERSAL_CODES[code]}` }
				: problem;
		}
		if (typeof body === 'string' && body) return { message: body.slice(0, 300) };
		if (body && typeof body === 'object') return NO_ENVELOPE;
		return {};
	},
	// Success is IsSucessful:true (concepts/response-format: "check it first"). HTTP 200 with false is an
	// error, and so is a JSON answer without the envelope (a proxy's page, {}, a changed shape).
	envelopeError: (body) =>
		envelopeProblem(body) ??
		((body as Envelope | undefined)?.results?.IsSucessful === true ? undefined : NO_ENVELOPE),
	hints: {
		403: 'Refused. If the credential binds the token to a member (Member Relation Reference), it may act only for that member (assumed: not public).',
		409: 'It already exists in Loyalife: use Update instead, or Get to read it.',
	},
};

interface Settings {
	base: string;
	programId: string;
	/** TransactionCurrency: "DEFAULT" unless the program uses a currency code (introduction). */
	currency: string;
	/** RelationType of the members the credential acts on (4, customer). */
	relationType: number;
	/** IANA zone of the deployment, in which Loyalife reads and writes times without a zone. */
	timeZone: string;
}
type Ctx = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

const settingsFor = credentialSettings<Settings, Ctx>((c, ctx) => {
	// ProgramId goes into bodies as an integer and into queries as pintProgramId: a whole number only.
	if (!/^\d+$/.test(String(c.programId ?? '').trim()))
		throw new NodeOperationError(
			ctx.getNode(),
			`The Loyalife credential's Program ID must be a whole number, got "${String(c.programId ?? '')}"`,
			{ description: 'Set it to your program ID, as issued by Xoxoday (e.g. 19).' },
		);
	const timeZone = String(c.timeZone ?? '').trim() || ASSUMED.timeZone;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
	} catch {
		throw new NodeOperationError(
			ctx.getNode(),
			`The Loyalife credential's Time Zone is not a time zone, got "${timeZone}"`,
			{ description: 'Set an IANA time zone name (e.g. Asia/Kolkata or UTC).' },
		);
	}
	// Relation Type: Customer (4), or Other (0) with the code in Other Relation Type.
	const relationType =
		Number(c.relationType ?? RELATION_TYPE_CUSTOMER) === 0
			? Number(c.relationTypeOther)
			: Number(c.relationType ?? RELATION_TYPE_CUSTOMER);
	if (!Number.isInteger(relationType) || relationType < 1)
		throw new NodeOperationError(
			ctx.getNode(),
			`The Loyalife credential's Other Relation Type must be a whole number, got "${String(c.relationTypeOther ?? '')}"`,
			{ description: 'Set the RelationType code Xoxoday gave you, or choose Customer (4).' },
		);
	return {
		timeZone,
		relationType,
		base: String(c.baseUrl ?? 'https://loyalife-api.xoxoday.in').replace(/\/+$/, ''),
		programId: String(c.programId ?? '').trim(),
		currency: String(c.transactionCurrency ?? '').trim() || 'DEFAULT',
	};
});

/** Base URL and program id of this execution's credential, read once per execution. */
export async function settingsOf(ctx: Ctx): Promise<Settings> {
	return await settingsFor(ctx, CREDENTIAL_TYPE);
}

/** Sends a request and unwraps the envelope: returns ReturnObject (and Count), or throws the envelope error. */
export async function loyalifeRequest<T = IDataObject>(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	itemIndex: number | undefined,
	method: IHttpRequestMethods,
	path: string,
	options: {
		body?: IDataObject | IDataObject[];
		qs?: IDataObject;
		program?: boolean;
		idempotent?: boolean;
		/** false: a 401 is reported as it is, without n8n fetching a new token first. */
		refreshOn401?: boolean;
		/** The page documenting ReturnObject true as the success answer: anything else fails the item. */
		returnsTrue?: string;
	} = {},
): Promise<{ data: T; count?: number; response: ApiResponse<Envelope<T>> }> {
	const { base, programId } = await settingsOf(ctx);
	const qs = { ...(options.program ? { pintProgramId: programId } : {}), ...(options.qs ?? {}) };
	const response = await apiRequest<Envelope<T>>(ctx, loyalife, {
		method,
		url: base + path,
		qs,
		body: options.body,
		idempotent: options.idempotent,
		refreshOn401: options.refreshOn401,
		itemIndex,
	});
	const results = response.body?.results;
	if (options.returnsTrue && results?.ReturnObject !== true)
		throw new NodeApiError(
			ctx.getNode(),
			{ message: 'Unexpected answer' },
			{
				message: `Loyalife reported success but ReturnObject is ${JSON.stringify(results?.ReturnObject ?? null)}, not true${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
				description: `${options.returnsTrue} documents ReturnObject true on success, so the node does not report it as done. Check in Loyalife whether it took effect before running it again.`,
				itemIndex,
			},
		);
	return { data: results?.ReturnObject as T, count: results?.Count, response };
}

/**
 * Whether the stored token is known to be expired or to expire within a minute (the credential's
 * tokenExpiresOn). Unknown (empty or unreadable): false.
 */
export async function tokenExpiring(ctx: IExecuteFunctions): Promise<boolean> {
	const c = await ctx.getCredentials(CREDENTIAL_TYPE);
	const at = Date.parse(String(c.expiresOn ?? ''));
	return !Number.isNaN(at) && at - Date.now() < 60_000;
}

/** The program ID as the JSON bodies take it (an integer). */
export function programIdOf(settings: Settings): number {
	return Number(settings.programId);
}

/**
 * The fields every member-scoped call of the transaction and payment modules carries: RelationReference,
 * TransactionCurrency, RelationType, ProgramId (transactions/get-statement-summary, get-expiry-schedule,
 * payment-gateway/check-availability, redeem-points).
 */
export async function memberScope(
	ctx: IExecuteFunctions | IPollFunctions,
	relationReference: string,
): Promise<IDataObject> {
	const s = await settingsOf(ctx);
	return {
		RelationReference: relationReference,
		TransactionCurrency: s.currency,
		RelationType: s.relationType,
		ProgramId: programIdOf(s),
	};
}

/** A date-time as the summary takes it: `YYYY-MM-DDTHH:mm:ss`, no zone, the wall clock of `zone`. */
export function summaryTime(time: Date, zone: string): string {
	const parts: Record<string, string> = {};
	for (const p of new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(time))
		parts[p.type] = p.value;
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The instant (ISO, UTC) of a Loyalife time: one without a zone is the wall clock of `zone`; one with a zone
 * is taken as it is. Empty or unreadable: returned unchanged.
 */
export function instantOf(time: string, zone: string): string {
	if (!time || /[zZ]|[+-]\d\d:?\d\d$/.test(time)) return time;
	const asUtc = Date.parse(`${time.length === 10 ? `${time}T00:00:00` : time}Z`);
	if (Number.isNaN(asUtc)) return time;
	// The zone's offset at that wall clock, found twice so a time next to a daylight-saving change is right.
	const offsetAt = (t: number) => Date.parse(`${summaryTime(new Date(t), zone)}Z`) - t;
	let instant = asUtc - offsetAt(asUtc);
	instant = asUtc - offsetAt(instant);
	return new Date(instant).toISOString();
}

/**
 * One member's transactions between two times (transactions/get-transaction-summary), every page: the
 * 0-based MinimumRange, MaximumRange records a page, results.Count the total matching. Fewer records than the
 * total promised is an error, never a partial list; so is an answer without Count. `itemIndex` undefined
 * (the trigger, which has no input items): messages name no item.
 */
export async function loyalifeSummary(
	ctx: IExecuteFunctions | IPollFunctions,
	itemIndex: number | undefined,
	filter: { relationReference: string; from: string; to: string },
	limit: number | undefined,
): Promise<IDataObject[]> {
	const scope = await memberScope(ctx, filter.relationReference);
	const ofItem = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
	const size =
		limit === undefined ? ASSUMED.summaryPageSize : Math.min(ASSUMED.summaryPageSize, limit);
	let total: number | undefined;
	const records = await paginate<number>(
		async (start = 0) => {
			const remaining = limit === undefined ? size : Math.min(size, limit - start);
			const body: IDataObject = {
				DateFrom: filter.from,
				DateTo: filter.to,
				MinimumRange: start,
				MaximumRange: remaining,
				...scope,
			};
			// A read sent as POST: safe to retry.
			const { data, count } = await loyalifeRequest<IDataObject[]>(
				ctx,
				itemIndex,
				'POST',
				PATHS.transactionSummary,
				{ body, idempotent: true },
			);
			if (!Array.isArray(data ?? []))
				throw new NodeApiError(
					ctx.getNode(),
					{ message: 'Unexpected page' },
					{
						message: `Loyalife answered a page without a list${ofItem}`,
						description:
							'The listing stopped rather than return a partial list. Run it again; if it repeats, the API changed or the base URL points somewhere else.',
						itemIndex,
					},
				);
			const page = (data ?? []) as IDataObject[];
			// Count is the total the pages are computed from: without it the list cannot be known whole.
			if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
				throw new NodeApiError(
					ctx.getNode(),
					{ message: 'Transaction summary without Count' },
					{
						message: `Loyalife's transaction summary has no Count (the total), got ${JSON.stringify(count ?? null)}, so the node cannot tell whether the list is complete${ofItem}`,
						description: `${PAGES.summary} documents results.Count as the total of matching records. Nothing is output rather than a list that may be partial: check the Base URL, or ask your Xoxoday contact.`,
						itemIndex,
					},
				);
			total = count;
			const next = start + page.length;
			return {
				records: page,
				next: total !== undefined && next < total && page.length > 0 ? next : undefined,
			};
		},
		{ limit },
	);
	const expected = limit === undefined ? total : Math.min(limit, total ?? limit);
	if (expected !== undefined && records.length < expected) {
		throw new NodeApiError(
			ctx.getNode(),
			{ message: 'Incomplete transaction summary' },
			{
				message: `Loyalife returned ${records.length} of ${expected} transactions${ofItem}`,
				description:
					"The pages ended before the total the API reported (Count). Run the node again; if it repeats, the member's transactions changed during the listing.",
				itemIndex,
			},
		);
	}
	return records;
}
