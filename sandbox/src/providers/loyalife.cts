// Loyalife (Xoxoday) simulator. From the provider's public documentation: JSON token endpoint answering
// {results:{token, tokenExpiresOn}} (JWT, 30 minutes), optional member-bound scope ["LOGIN","<ref>"],
// regenerated credentials invalidate every token, the {results:{IsSucessful, ErrorCode, ExceptionMessage,
// ReturnObject, Count}} envelope on every answer (HTTP 200 may carry IsSucessful:false), members, transactions,
// batch insert (<=100) with the _xoxo_api_client_idempotency key, expiry schedule, redeem and reversal.
// Routes name the page of help-loyalife.xoxoday.com/api-reference they follow. ASSUMED (documented but not
// captured): member update, reversal and the paged transaction summary paths and parameter names; the query
// parameter names of the member lookup (pstrAttributeName / pstrAttributeValue); where Insert Transaction
// takes the program id (its page lists "Your loyalty program ID" without saying where: the query parameter
// pintProgramId, as the member endpoints take it).
import * as crypto from 'node:crypto';
import { z } from 'zod';
import { TokenStore, bearerOf } from '../tokens.cjs';

const NAME = 'loyalife';
const P = '/lbms-ingress';

const DEFAULTS = {
	clients: [
		{ clientId: 'loyalife-demo-client', clientSecret: 'loyalife-demo-secret', programId: '1001' },
	],
	tokenLifetimeSeconds: 1800,
	members: 25,
	/** The reference recommends batches of at most 100 and says the limit may be enforced. */
	maxBatch: 100,
	transactionsPerMember: 11,
};

const envelope = (ReturnObject, extra: any = {}) => ({
	results: { IsSucessful: true, ErrorCode: null, ExceptionMessage: null, ReturnObject, ...extra },
});
const failure = (ErrorCode, ExceptionMessage) => ({
	results: {
		IsSucessful: false,
		ErrorCode: String(ErrorCode),
		ExceptionMessage,
		ReturnObject: null,
	},
});

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

const memberSchema = z.object({
	relation_reference: z.string().min(1, 'relation_reference is required'),
	full_name: z.string().min(1, 'full_name is required'),
	email_id: z.string().email('email_id must be a valid email address').optional(),
	mobile_number: z
		.string()
		.regex(/^\+?\d{7,15}$/, 'mobile_number must be 7 to 15 digits')
		.optional(),
	gender: z.enum(['M', 'F', 'O']).optional(),
	dob: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'dob must be YYYY-MM-DD')
		.optional(),
	status: z.enum(['Active', 'Inactive']).optional(),
});
// transactions/insert-transaction: transaction_type is DR = debit = a purchase that EARNS points, CR = credit =
// a reversal that takes them back. transaction_id is not unique server-side; the optional
// _xoxo_api_client_idempotency field is the retry key (concepts/idempotency).
const transactionFields = {
	_xoxo_api_client_idempotency: z.string().min(1).max(200).optional(),
	transaction_id: z.string().min(1, 'transaction_id is required'),
	amount: z.number().positive('amount must be greater than 0'),
	transaction_date: z
		.string()
		.regex(
			/^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/,
			'transaction_date must be YYYY-MM-DD or an ISO date-time',
		),
	product_code: z.string().min(1, 'product_code is required'),
	sub_product_code: z.string().optional(),
	member_relation_reference: z.string().min(1, 'member_relation_reference is required'),
};
const transactionSchema = z
	.object({
		...transactionFields,
		transaction_type: z.enum(['DR', 'CR'], {
			errorMap: () => ({
				message: 'transaction_type must be DR (purchase, earns) or CR (reversal)',
			}),
		}),
	})
	.strict();
// transactions/insert-transaction-v2: the same fields per transaction, the type written dr / cr, and the
// idempotency key inside each transaction object (not a header).
const batchTransactionSchema = z
	.object({
		...transactionFields,
		transaction_type: z.enum(['dr', 'cr'], {
			errorMap: () => ({
				message: 'transaction_type must be dr (purchase, earns) or cr (reversal)',
			}),
		}),
	})
	.strict();

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 */
export const SOURCES: Record<string, string> = {
	'POST /lbms-ingress/oauth/api/Auth/Token':
		'https://help-loyalife.xoxoday.com/api-reference/authentication/generate-auth-token',
	'POST /lbms-ingress/member/api/Member/CreateProfileWithAttributes':
		'https://help-loyalife.xoxoday.com/api-reference/members/create-member',
	'GET /lbms-ingress/member/api/Member/GetMemberDetailsByUniqueAttribute':
		'https://help-loyalife.xoxoday.com/api-reference/members/get-member-details (attribute keys documented; query parameter names assumed)',
	'POST /lbms-ingress/member/api/Member/UpdateProfile':
		'assumed: update member is documented, its path was not captured',
	'POST /lbms-ingress/transaction-lm/API/Transaction/InsertTransactionData':
		'https://help-loyalife.xoxoday.com/api-reference/transactions/insert-transaction (program id location assumed: pintProgramId)',
	'POST /lbms-ingress/transaction-lm/API/Transaction/InsertTransactionDataV2':
		'https://help-loyalife.xoxoday.com/api-reference/transactions/insert-transaction-v2',
	'POST /lbms-ingress/transaction-lm/API/Transaction/GetTransactionSummary':
		'assumed: the transaction summary is documented, its path and parameters were not captured',
	'GET /lbms-ingress/transaction-lm/API/Transaction/GetExpirySchedule':
		'assumed: the expiry schedule is documented, its method and parameters were not captured',
	'POST /lbms-ingress/pg-lm/API/PG/RedeemPoints':
		'assumed: redeem returns ExternalReference (body field names not public)',
	'POST /lbms-ingress/pg-lm/API/PG/ReverseRedemption':
		'assumed: reversal is documented, its path was not captured',
};

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
		/** members by relation reference */
		members: new Map(),
		/** transactions in insertion order; ids unique */
		transactions: [] as any[],
		transactionIds: new Set(),
		/** _xoxo_api_client_idempotency -> the transaction it recorded (never recorded twice) */
		idempotency: new Map(),
		redemptions: new Map(),
		/** scopes of issued tokens, for tests */
		issuedScopes: [] as any[],
	};
	let memberSeq = 1;

	const addMember = (m) => {
		const member = {
			Id: memberSeq++,
			RelationReference: m.relation_reference,
			FullName: m.full_name,
			Email: m.email_id ?? null,
			Mobile: m.mobile_number ?? null,
			Gender: m.gender ?? null,
			Dob: m.dob ?? null,
			Status: m.status ?? 'Active',
			TierName: 'Silver',
			CreatedOn: new Date().toISOString(),
		};
		state.members.set(member.RelationReference, member);
		return member;
	};
	const addTransaction = (t) => {
		const points = Math.floor(t.amount / 10);
		const record = {
			TransactionId: t.transaction_id,
			RelationReference: t.member_relation_reference,
			Amount: t.amount,
			TransactionDate: t.transaction_date.slice(0, 10),
			ProductCode: t.product_code,
			SubProductCode: t.sub_product_code ?? null,
			TransactionType: t.transaction_type.toUpperCase(),
			Points: t.transaction_type.toUpperCase() === 'DR' ? points : -points,
		};
		state.transactions.push(record);
		state.transactionIds.add(t.transaction_id);
		return record;
	};
	const pointsOf = (ref) => {
		let total = 0;
		for (const t of state.transactions) if (t.RelationReference === ref) total += t.Points;
		for (const r of state.redemptions.values())
			if (r.RelationReference === ref && !r.Reversed) total -= r.Points;
		return total;
	};
	const memberView = (m) => ({
		Id: m.Id,
		FullName: m.FullName,
		Email: m.Email,
		Mobile: m.Mobile,
		RelationReference: m.RelationReference,
		Status: m.Status,
		TierName: m.TierName,
		TotalPoints: pointsOf(m.RelationReference),
	});

	// Seed: members with a transaction history spread over 2025.
	for (let i = 1; i <= options.members; i++) {
		addMember({
			relation_reference: `MEM${String(i).padStart(4, '0')}`,
			full_name: `Member ${i}`,
			email_id: `member${i}@example.com`,
		});
		for (let k = 0; k < options.transactionsPerMember; k++) {
			const day = new Date(Date.UTC(2025, 0, 1) + ((i * 7 + k * 29) % 360) * 86400000)
				.toISOString()
				.slice(0, 10);
			addTransaction({
				transaction_id: `SEED-${i}-${k}`,
				amount: 100 + ((i * k * 13) % 900),
				transaction_date: day,
				product_code: 'CARD',
				member_relation_reference: `MEM${String(i).padStart(4, '0')}`,
				transaction_type: k % 5 === 4 ? 'CR' : 'DR',
			});
		}
	}

	const programOf = (ctx, subject) => {
		const program = ctx.query.get('pintProgramId');
		if (!program) throw new HttpError(200, failure(998, 'pintProgramId is required'));
		if (program !== subject.programId)
			throw new HttpError(
				200,
				failure(997, `Program ${program} is not accessible with this token`),
			);
		return program;
	};
	const authorize = (ctx) => {
		const check = tokens.check(bearerOf(ctx.headers));
		if (!check.ok) {
			throw new HttpError(
				401,
				failure(
					401,
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
	/** A member-bound token may only act on its own member. */
	const checkMember = (subject, ref) => {
		if (subject.member && subject.member !== ref) {
			throw new HttpError(
				403,
				failure(403, `This token is bound to member ${subject.member} and cannot access ${ref}`),
			);
		}
	};
	const validate = (schema, body) => {
		const parsed = schema.safeParse(body ?? {});
		if (!parsed.success) {
			throw new HttpError(
				400,
				failure(
					999,
					parsed.error.issues
						.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
						.join('; '),
				),
			);
		}
		return parsed.data;
	};
	const requireMember = (ref) => {
		const member = state.members.get(ref);
		if (!member)
			throw new HttpError(
				200,
				failure('MEMBER_NOT_FOUND', `No member with relation reference ${ref}`),
			);
		return member;
	};

	route(
		'POST',
		`${P}/oauth/api/Auth/Token`,
		(ctx) => {
			const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
			if (body.grant_type !== 'client_credentials')
				return { status: 400, body: failure(999, 'grant_type must be client_credentials') };
			const client = state.clients.find((c) => c.clientId === body.client_id);
			if (!client || client.clientSecret !== body.client_secret) {
				return {
					status: 401,
					body: failure(
						'INVALID_CLIENT',
						'Invalid client_id or client_secret. Regenerated credentials invalidate the old ones.',
					),
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
					scope[0] !== 'LOGIN' ||
					typeof scope[1] !== 'string' ||
					!scope[1]
				) {
					return {
						status: 400,
						body: failure(
							999,
							'scope must be a JSON-encoded array ["LOGIN","<RelationReference>"]',
						),
					};
				}
				if (!state.members.has(scope[1]))
					return {
						status: 200,
						body: failure('MEMBER_NOT_FOUND', `No member with relation reference ${scope[1]}`),
					};
				member = scope[1];
			}
			const expiresAt = Date.now() + tokens.lifetimeSeconds * 1000;
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

	route('POST', `${P}/member/api/Member/CreateProfileWithAttributes`, (ctx) => {
		const subject = authorize(ctx);
		programOf(ctx, subject);
		const body = validate(memberSchema, ctx.body);
		checkMember(subject, body.relation_reference);
		if (state.members.has(body.relation_reference)) {
			return {
				status: 409,
				body: failure(
					'MEMBER_EXISTS',
					`A member with relation reference ${body.relation_reference} already exists`,
				),
			};
		}
		return { status: 200, body: envelope(memberView(addMember(body))) };
	});

	route('GET', `${P}/member/api/Member/GetMemberDetailsByUniqueAttribute`, (ctx) => {
		const subject = authorize(ctx);
		programOf(ctx, subject);
		// The attribute is named by the program's attribute key (email_id, mobile_number, relation_reference),
		// never by a display name such as "Email".
		const name = ctx.query.get('pstrAttributeName');
		const value = ctx.query.get('pstrAttributeValue');
		const KEYS = {
			email_id: 'Email',
			mobile_number: 'Mobile',
			relation_reference: 'RelationReference',
		};
		if (!name || !KEYS[name])
			return {
				status: 200,
				body: failure(
					999,
					`pstrAttributeName must be an attribute key of the program (email_id, mobile_number, relation_reference), got ${name ?? 'nothing'}`,
				),
			};
		if (!value) return { status: 200, body: failure(998, 'pstrAttributeValue is required') };
		const member = [...state.members.values()].find((m) => m[KEYS[name]] === value);
		if (!member)
			return { status: 200, body: failure('MEMBER_NOT_FOUND', `No member with ${name} ${value}`) };
		checkMember(subject, member.RelationReference);
		return { status: 200, body: envelope(memberView(member)) };
	});

	route('POST', `${P}/member/api/Member/UpdateProfile`, (ctx) => {
		const subject = authorize(ctx);
		programOf(ctx, subject);
		const body = validate(memberSchema.partial().required({ relation_reference: true }), ctx.body);
		checkMember(subject, body.relation_reference);
		const member = requireMember(body.relation_reference);
		const map = {
			full_name: 'FullName',
			email_id: 'Email',
			mobile_number: 'Mobile',
			gender: 'Gender',
			dob: 'Dob',
			status: 'Status',
		};
		for (const [k, v] of Object.entries(body)) if (map[k]) member[map[k]] = v;
		return { status: 200, body: envelope(memberView(member)) };
	});

	// transactions/insert-transaction: synchronous; success ReturnObject is the boolean true.
	route('POST', `${P}/transaction-lm/API/Transaction/InsertTransactionData`, (ctx) => {
		const subject = authorize(ctx);
		programOf(ctx, subject);
		const body = validate(transactionSchema, ctx.body);
		checkMember(subject, body.member_relation_reference);
		if (!state.members.has(body.member_relation_reference))
			return { status: 200, body: failure('103', 'Member does not exist') };
		const key = body._xoxo_api_client_idempotency;
		if (!(key && state.idempotency.has(key))) {
			const record = addTransaction(body);
			if (key) state.idempotency.set(key, record);
		}
		return {
			status: 200,
			body: {
				results: {
					IsSucessful: true,
					ErrorCode: '000',
					ExceptionMessage: 'Success',
					ReturnObject: true,
				},
			},
		};
	});

	// transactions/insert-transaction-v2: an array, queued; 202 with ErrorCode 001 and one entry per transaction.
	route('POST', `${P}/transaction-lm/API/Transaction/InsertTransactionDataV2`, (ctx) => {
		const subject = authorize(ctx);
		if (ctx.headers._xoxo_api_client_idempotency !== undefined) {
			return {
				status: 400,
				body: failure(
					999,
					'_xoxo_api_client_idempotency is a field of each transaction object, not a header',
				),
			};
		}
		if (!Array.isArray(ctx.body) || ctx.body.length === 0)
			return {
				status: 400,
				body: failure(999, 'The body must be a non-empty array of transactions'),
			};
		if (ctx.body.length > options.maxBatch)
			return {
				status: 400,
				body: failure(
					999,
					`A batch holds at most ${options.maxBatch} transactions, got ${ctx.body.length}`,
				),
			};
		const rows = ctx.body.map((t, i) => {
			const parsed = batchTransactionSchema.safeParse(t);
			if (!parsed.success)
				throw new HttpError(
					400,
					failure(
						999,
						`[${i}] ${parsed.error.issues.map((x) => `${x.path.join('.') || 'transaction'}: ${x.message}`).join('; ')}`,
					),
				);
			checkMember(subject, parsed.data.member_relation_reference);
			return parsed.data;
		});
		const batchId = randomId('batch-', 8);
		const transactions = rows.map((t) => {
			const key = t._xoxo_api_client_idempotency;
			if (key && state.idempotency.has(key)) {
				// Already processed (by this endpoint or the single insert): the same queued entry, nothing recorded.
				const seen = state.idempotency.get(key);
				seen.queued ??= {
					member_relation_reference: t.member_relation_reference,
					transaction_id: t.transaction_id,
					transaction_type: t.transaction_type,
					request_id: randomId('req_', 8),
				};
				return { ...seen.queued };
			}
			const queued = {
				member_relation_reference: t.member_relation_reference,
				transaction_id: t.transaction_id,
				transaction_type: t.transaction_type,
				request_id: randomId('req_', 8),
			};
			// Processed in the background by the Rule Engine: a member that does not exist records nothing.
			const record = state.members.has(t.member_relation_reference) ? addTransaction(t) : {};
			if (key) state.idempotency.set(key, Object.assign(record, { queued }));
			return queued;
		});
		return {
			status: 202,
			body: {
				results: {
					IsSucessful: true,
					ErrorCode: '001',
					ExceptionMessage: 'Success',
					ReturnObject: {
						batch_id: batchId,
						message: 'Transactions queued successfully',
						total_transactions: rows.length,
						transactions,
					},
					Count: 0,
				},
			},
		};
	});

	route('POST', `${P}/transaction-lm/API/Transaction/GetTransactionSummary`, (ctx) => {
		const subject = authorize(ctx);
		programOf(ctx, subject);
		const body = validate(
			z.object({
				member_relation_reference: z.string().optional(),
				from_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'from_date must be YYYY-MM-DD'),
				to_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'to_date must be YYYY-MM-DD'),
				start_index: z.number().int().min(0, 'start_index is 0-based and cannot be negative'),
				record_count: z.number().int().min(1).max(100, 'record_count may be at most 100'),
			}),
			ctx.body,
		);
		if (subject.member) body.member_relation_reference = subject.member;
		const matching = state.transactions.filter(
			(t) =>
				t.TransactionDate >= body.from_date &&
				t.TransactionDate <= body.to_date &&
				(!body.member_relation_reference || t.RelationReference === body.member_relation_reference),
		);
		const page = matching.slice(body.start_index, body.start_index + body.record_count);
		return { status: 200, body: envelope(page, { Count: matching.length }) };
	});

	route('GET', `${P}/transaction-lm/API/Transaction/GetExpirySchedule`, (ctx) => {
		const subject = authorize(ctx);
		programOf(ctx, subject);
		const ref = ctx.query.get('pstrRelationReference');
		if (!ref) return { status: 200, body: failure(998, 'pstrRelationReference is required') };
		checkMember(subject, ref);
		requireMember(ref);
		const balance = Math.max(0, pointsOf(ref));
		const schedule: any[] = [];
		let left = balance;
		for (let q = 1; left > 0 && q <= 4; q++) {
			const points = q === 4 ? left : Math.ceil(balance / 4);
			schedule.push({ ExpiryDate: `2027-0${q * 2}-01`, Points: Math.min(points, left) });
			left -= Math.min(points, left);
		}
		return { status: 200, body: envelope(schedule) };
	});

	route('POST', `${P}/pg-lm/API/PG/RedeemPoints`, (ctx) => {
		const subject = authorize(ctx);
		const body = validate(
			z.object({
				member_relation_reference: z.string().min(1),
				points: z.number().int().positive('points must be a positive whole number'),
				description: z.string().optional(),
			}),
			ctx.body,
		);
		checkMember(subject, body.member_relation_reference);
		requireMember(body.member_relation_reference);
		const balance = pointsOf(body.member_relation_reference);
		if (body.points > balance)
			return {
				status: 200,
				body: failure(
					'INSUFFICIENT_POINTS',
					`The member has ${balance} points, fewer than the ${body.points} requested`,
				),
			};
		const ExternalReference = randomId('RDM-', 6).toUpperCase();
		state.redemptions.set(ExternalReference, {
			RelationReference: body.member_relation_reference,
			Points: body.points,
			Reversed: false,
		});
		return {
			status: 200,
			body: envelope({
				ExternalReference,
				PointsRedeemed: body.points,
				Balance: pointsOf(body.member_relation_reference),
			}),
		};
	});

	route('POST', `${P}/pg-lm/API/PG/ReverseRedemption`, (ctx) => {
		const subject = authorize(ctx);
		const body = validate(
			z.object({ external_reference: z.string().min(1, 'external_reference is required') }),
			ctx.body,
		);
		const redemption = state.redemptions.get(body.external_reference);
		if (!redemption)
			return {
				status: 200,
				body: failure(
					'REDEMPTION_NOT_FOUND',
					`No redemption with external reference ${body.external_reference}`,
				),
			};
		checkMember(subject, redemption.RelationReference);
		if (redemption.Reversed)
			return {
				status: 200,
				body: failure(
					'ALREADY_REVERSED',
					`Redemption ${body.external_reference} was already reversed`,
				),
			};
		redemption.Reversed = true;
		return {
			status: 200,
			body: envelope({
				ExternalReference: body.external_reference,
				PointsReversed: redemption.Points,
				Balance: pointsOf(redemption.RelationReference),
			}),
		};
	});

	return {
		/** The client a request comes from, whichever of its tokens it carries: rate limits count per client. */
		callerOf: (ctx) => tokens.tokens.get(bearerOf(ctx.headers) ?? '')?.subject?.clientId,
		state,
		tokens,
		pointsOf,
		faultBody: (status) =>
			failure(status, status === 429 ? 'Rate limit exceeded' : 'Internal server error'),
		control: {
			expireTokens: () => ({ expired: tokens.expireAll() }),
			/** Regenerating credentials: a new secret, and every token issued before is invalid. */
			rotateSecret: ({ clientId, clientSecret }) => {
				const client = state.clients.find((c) => c.clientId === clientId);
				client.clientSecret = clientSecret;
				return { revoked: tokens.revokeAll((s) => s.clientId === clientId) };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS };
