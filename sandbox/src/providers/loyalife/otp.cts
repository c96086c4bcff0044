// #7-#10 one-time passwords: generate and verify, by e-mail or by RelationReference.
import * as crypto from 'node:crypto';
import { P, H } from './program.cjs';
import { generateOtpSchema, verifyOtpSchema } from './schemas.cjs';
import { ok, failure } from './util.cjs';
import type { Loyalife } from './context.cjs';
import type { RouteContext } from '../../types.cjs';

/** Where each route comes from (see index.cts). */
const SOURCES: Record<string, string> = {
	'POST /lbms-ingress/member/api/Member/GenerateOTP': `${H}/api-reference/otp/generate-otp`,
	'POST /lbms-ingress/member/api/Member/GenerateOTPByRelationReference': `assumed: path and body not public (body of GenerateOTP with UniquerefID = RelationReference); ${H}/api-reference/otp/generate-otp-by-relation`,
	'POST /lbms-ingress/member/api/Member/VerifyOTP': `${H}/api-reference/otp/verify-otp`,
	'POST /lbms-ingress/member/api/Member/VerifyOTPByRelationReference': `${H}/api-reference/otp/verify-otp-by-relation`,
};

function register(l: Loyalife) {
	const { route, options, state, authorize, queryOf, bodyOf, checkMember } = l;
	// ---- #7-#10 OTP ---------------------------------------------------------------------------------------
	// A 6-digit integer code without a leading zero, recorded in state.otps (tests read it there). A new code
	// replaces the member's outstanding code of the same OtpType (assumed). Verify: the OtpType must equal the
	// one generated, single use, expiry and attempt limit per program (assumed 10 minutes, 5 attempts).
	const generateOtp = (ctx: RouteContext, byRelation: boolean) => {
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
	const verifyOtp = (ctx: RouteContext, byRelation: boolean) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, verifyOtpSchema, subject);
		const member = byRelation
			? state.members.get(body.UniquerefID)
			: [...state.members.values()].find((m) => m.Email === body.UniquerefID);
		// The page gives the 400 but not its ErrorCode: "OTP001" is assumed (999 means a malformed request).
		const invalid = (why: string) => ({
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
}

export { SOURCES, register };
