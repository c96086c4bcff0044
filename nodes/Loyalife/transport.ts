import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IHttpRequestMethods,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { pageRecords, paginate } from '../shared/http/pagination';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider, ProviderError } from '../shared/http/types';

export const CREDENTIAL_TYPE = 'loyalifeApi';

/**
 * Every Loyalife path the node calls. From the API reference: member create/get, transaction insert and
 * batch insert, expiry schedule, redeem. ASSUMED (documented operations whose paths were not captured):
 * member update, reversal and the paged transaction summary. Correct them here if your program's
 * reference differs.
 */
/**
 * Every Loyalife path the node calls, each with its page under help-loyalife.xoxoday.com/api-reference, or
 * "assumed" where the page was not captured.
 */
export const PATHS = {
	/** members/create-member */
	createMember: '/lbms-ingress/member/api/Member/CreateProfileWithAttributes',
	/** members/get-member-details (query parameter names assumed: MEMBER_LOOKUP) */
	getMember: '/lbms-ingress/member/api/Member/GetMemberDetailsByUniqueAttribute',
	/** assumed: update member is documented, its path was not captured */
	updateMember: '/lbms-ingress/member/api/Member/UpdateProfile',
	/** transactions/insert-transaction (program id: where the page does not say; sent as pintProgramId, assumed) */
	insertTransaction: '/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionData',
	/** transactions/insert-transaction-v2 */
	insertTransactionBatch: '/lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2',
	/** assumed: transaction summary is documented, its path was not captured */
	transactionSummary: '/lbms-ingress/transaction-lm/API/Transaction/GetTransactionSummary',
	/** points expiry schedule (method and parameters assumed) */
	expirySchedule: '/lbms-ingress/transaction-lm/API/Transaction/GetExpirySchedule',
	/** redeem points (body field names assumed) */
	redeemPoints: '/lbms-ingress/pg-lm/API/PG/RedeemPoints',
	/** assumed: reversal is documented, its path was not captured */
	reverseRedemption: '/lbms-ingress/pg-lm/API/PG/ReverseRedemption',
};

/**
 * The retry key Loyalife reads from inside each transaction object (concepts/idempotency,
 * transactions/insert-transaction-v2): not a header.
 */
export const IDEMPOTENCY_FIELD = '_xoxo_api_client_idempotency';

/**
 * Member lookup by a unique attribute. The attribute is named by the program's attribute key (documented
 * examples email_id, mobile_number, relation_reference). ASSUMED: the two query parameter names, which the
 * public reference does not show; they live here only.
 */
export const MEMBER_LOOKUP = {
	nameParameter: 'pstrAttributeName',
	valueParameter: 'pstrAttributeValue',
	attributes: {
		email: 'email_id',
		mobile: 'mobile_number',
		relationReference: 'relation_reference',
	},
};

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

const UNIVERSAL_CODES: Record<string, string> = {
	'997': 'the token cannot act on this program or resource',
	'998': 'a required parameter is missing',
	'999': 'the request is invalid',
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
		return {};
	},
	// HTTP 200 with IsSucessful:false is an error too.
	envelopeError: (body) => envelopeProblem(body),
	hints: {
		403: 'The credential holds a member-bound token (Member Relation Reference): it can only act for that member.',
		409: 'It already exists in Loyalife: use Update instead, or Get to read it.',
	},
};

interface Settings {
	base: string;
	programId: string;
}
const settings = new WeakMap<object, Promise<Settings>>();

/** Base URL and program id of this execution's credential, read once per execution. */
export async function settingsOf(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
): Promise<Settings> {
	let cached = settings.get(ctx);
	if (!cached) {
		cached = ctx.getCredentials(CREDENTIAL_TYPE).then((c) => ({
			base: String(c.baseUrl ?? 'https://loyalife-api.xoxoday.in').replace(/\/+$/, ''),
			programId: String(c.programId ?? ''),
		}));
		settings.set(ctx, cached);
	}
	return await cached;
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
		headers?: Record<string, string>;
	} = {},
): Promise<{ data: T; count?: number; response: ApiResponse<Envelope<T>> }> {
	const { base, programId } = await settingsOf(ctx);
	const qs = { ...(options.program ? { pintProgramId: programId } : {}), ...(options.qs ?? {}) };
	const response = await apiRequest<Envelope<T>>(ctx, loyalife, {
		method,
		url: base + path,
		qs,
		body: options.body,
		headers: options.headers,
		idempotent: options.idempotent,
		itemIndex,
	});
	const results = response.body?.results;
	return { data: results?.ReturnObject as T, count: results?.Count, response };
}

/** Largest record count per page of the transaction summary (assumed). */
export const MAX_SUMMARY_RECORDS = 100;

/**
 * The paged transaction summary (0-based start index; results.Count is the total), every page through the
 * shared pagination loop; fewer records than the total promised is an error, never a partial list.
 * Path and parameters assumed (see PATHS).
 */
export async function loyalifeSummary(
	ctx: IExecuteFunctions | IPollFunctions,
	itemIndex: number,
	filter: { from_date: string; to_date: string; member?: string },
	limit: number | undefined,
): Promise<IDataObject[]> {
	const recordCount =
		limit === undefined ? MAX_SUMMARY_RECORDS : Math.min(MAX_SUMMARY_RECORDS, limit);
	let total: number | undefined;
	const records = await paginate<number>(
		async (start = 0) => {
			const body: IDataObject = {
				from_date: filter.from_date,
				to_date: filter.to_date,
				start_index: start,
				record_count: recordCount,
			};
			if (filter.member) body.member_relation_reference = filter.member;
			// A read sent as POST: safe to retry.
			const { data, count } = await loyalifeRequest<IDataObject[]>(
				ctx,
				itemIndex,
				'POST',
				PATHS.transactionSummary,
				{ body, program: true, idempotent: true },
			);
			const page = pageRecords(ctx, itemIndex, 'Loyalife', data);
			total = count ?? total;
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
				message: `Loyalife returned ${records.length} of ${expected} transactions (item ${itemIndex})`,
				description:
					'The pages ended before the total the API reported (Count). Run the node again; if it repeats, the program data changed during the listing.',
				itemIndex,
			},
		);
	}
	return records;
}
