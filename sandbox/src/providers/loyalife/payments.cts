// #17-#19 the payment gateway: availability, redemption, reversal.
import { P, H, REDEEM_TYPES } from './program.cjs';
import { memberBodySchema, redeemSchema, reversalSchema } from './schemas.cjs';
import { ok, failure, stamp, uuid } from './util.cjs';
import type { Loyalife } from './context.cjs';

/** Where each route comes from (see index.cts). */
const SOURCES: Record<string, string> = {
	'POST /lbms-ingress/pg-lm/API/PG/CheckAvailability': `${H}/api-reference/payment-gateway/check-availability`,
	'POST /lbms-ingress/pg-lm/API/PG/RedeemPoints': `${H}/api-reference/payment-gateway/redeem-points (ErrorCode 109 insufficient points assumed)`,
	'POST /lbms-ingress/pg-lm/API/PG/ReversalPoints': `${H}/api-reference/payment-gateway/reversal-points (ErrorCode 110 second reversal assumed)`,
};

function register(l: Loyalife) {
	const {
		route,
		HttpError,
		state,
		clock,
		addEntry,
		pointsOf,
		refuse,
		authorize,
		queryOf,
		bodyOf,
		checkMember,
		memberOr103,
	} = l;
	// ---- #17 Check Availability: POST .../pg-lm/API/PG/CheckAvailability ----------------------------------
	// H/api-reference/payment-gateway/check-availability. A bare integer; 103 unknown member, 107 Status not
	// 1 (HTTP 200 with IsSucessful false: the page gives codes without statuses).
	const activeMember = (ref: string) => {
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
}

export { SOURCES, register };
