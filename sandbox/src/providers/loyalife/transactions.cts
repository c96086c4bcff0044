// #11-#16 transactions: insert (single and V2 batches), batch status, summary, statement, expiry schedule.
import * as crypto from 'node:crypto';
import { P, H, PRODUCT_CODES, HOLD_ABOVE, PARTIAL_HOLD_FROM } from './program.cjs';
import {
	insertSchema,
	insertV2ItemSchema,
	summarySchema,
	memberBodySchema,
	expirySchema,
	describe,
} from './schemas.cjs';
import { ok, failure } from './util.cjs';
import type { Loyalife } from './context.cjs';
import type { Batch, BatchItem, BatchItemStatus, Entry } from './state.cjs';

/** Where each route comes from (see index.cts). */
const SOURCES: Record<string, string> = {
	'POST /lbms-ingress/transaction-lm/API/Transaction/InsertTransactionData': `${H}/api-reference/transactions/insert-transaction`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2': `${H}/api-reference/transactions/insert-transaction-v2`,
	'GET /lbms-ingress/transaction-lm/API/Transaction/PollTransactionBatchStatus': `${H}/api-reference/transactions/poll-batch-status (query names pintProgramId, batch_id assumed: not public)`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/GetMemberTransactionSummaryByDate': `${H}/api-reference/transactions/get-transaction-summary (MaximumRange a count, newest first: assumed)`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/GetMemberStatementSummary': `${H}/api-reference/transactions/get-statement-summary`,
	'POST /lbms-ingress/transaction-lm/API/Transaction/GetExpirySchedule': `${H}/api-reference/transactions/get-expiry-schedule (expiry 12 months after TransactionDate assumed)`,
};

function register(l: Loyalife) {
	const {
		route,
		randomId,
		options,
		state,
		ruleEnginePoints,
		recordTransaction,
		accountOf,
		refuse,
		malformed,
		authorize,
		queryOf,
		withLocal,
		localNote,
		bodyOf,
		checkMember,
		memberOr103,
	} = l;
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
	const processItem = (item: BatchItem) => {
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
	const processBatch = (batch: Batch) => {
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
		const items: BatchItem[] = [];
		for (const t of rows) {
			const k = options.enforceIdempotency ? t._xoxo_api_client_idempotency : undefined;
			let item: BatchItem | undefined = k ? state.idempotency.get(k) : undefined;
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
		const batch: Batch = { batch_id: batchId, programId: subject.programId, polls: 0, items };
		state.batches.set(batchId, batch);
		if (options.batchPendingPolls <= 0) processBatch(batch);
		const answer: {
			batch_id: string;
			message: string;
			total_transactions: number;
			transactions?: Pick<
				BatchItem,
				'member_relation_reference' | 'transaction_id' | 'transaction_type' | 'request_id'
			>[];
		} = {
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
		const unique = [...new Set(batch.items)];
		const count = (s: BatchItemStatus) => unique.filter((i) => i.status === s).length;
		const listed = options.batchListsPending
			? unique
			: unique.filter((i) => i.status !== 'PENDING');
		const results = listed.map((i) => {
			const r: {
				request_id: string;
				status: BatchItemStatus;
				points?: number;
				message?: string;
				error?: string;
			} = { request_id: i.request_id, status: i.status };
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
	const entryView = (e: Entry) => ({
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
		const sum = (types: string[]) =>
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
			const total = (k: 'accrued' | 'blocked' | 'redeemed' | 'expired') =>
				inQuarter.reduce((n, b) => n + b[k], 0);
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
	return { processBatch };
}

export { SOURCES, register };
