// The request bodies as zod schemas, and zod issues as the envelope's ExceptionMessage.
import { z } from 'zod';
import { OTP_TYPES, REDEEM_TYPES } from './program.cjs';

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
const typeMessage =
	(dr: string, cr: string): z.ZodErrorMap =>
	(issue, ctx) => ({
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
function describe(issues: z.ZodIssue[], prefix = '') {
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

export {
	str,
	nonEmpty,
	int,
	num,
	createProfileSchema,
	updateProfileSchema,
	credentialsSchema,
	generateOtpSchema,
	verifyOtpSchema,
	insertSchema,
	insertV2ItemSchema,
	summarySchema,
	memberBodySchema,
	expirySchema,
	redeemSchema,
	reversalSchema,
	tokenSchema,
	describe,
};
