import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import {
	isBusinessAnswer,
	loyalifeRequest,
	memberScope,
	PATHS,
	programIdOf,
	settingsOf,
	tokenExpiring,
} from '../../transport';
import { memberLocator, relationReferenceOf } from '../fields';

// members/check-credentials: {UniquerefID (the RelationReference), ProgramId, RelationType, Password (already
// hashed with bcrypt or MD5, as the program is configured; never plain text)}; 401 when they do not match.
export default defineOperation({
	value: 'checkCredentials',
	name: 'Check Credentials',
	action: "Check a member's login credentials",
	description:
		"Check a member's password hash; answers their status, last login and failed attempts",
	kind: 'read',
	fields: [
		memberLocator(),
		{
			displayName: 'Password Hash',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The password already hashed the way your program is configured (bcrypt or MD5). Never the plain password.',
		},
	],
	async execute(i) {
		const s = await settingsOf(this);
		const body = {
			UniquerefID: relationReferenceOf(this, i),
			ProgramId: programIdOf(s),
			RelationType: s.relationType,
			Password: new Validator(this, i).string('password', 'Password Hash'),
		};
		// A read sent as POST, but each failure counts as a login attempt: not retried. Its 401 means a wrong
		// password, so n8n is not let to take it for an expired token (it would fetch a new one and send the
		// password again); only a token that tokenExpiresOn says is expiring keeps n8n's 401 refresh.
		const refreshOn401 = await tokenExpiring(this);
		const check = async (refresh: boolean) =>
			await loyalifeRequest(this, i, 'POST', PATHS.checkCredentials, {
				body,
				refreshOn401: refresh,
			});
		const answer = (data: unknown) => ({ valid: true, ...((data as object) ?? {}) });
		try {
			return answer(requireObject(this, i, (await check(refreshOn401)).data));
		} catch (error) {
			if (!isBusinessAnswer(error, '401')) throw asApiError(this, error);
			if (refreshOn401) return wrong(body.UniquerefID, error);
			// A dead token (credentials reset, or dropped before tokenExpiresOn) is also a 401. A harmless read
			// with the same token tells them apart: accepted, the token is alive and the password is wrong.
			if (!(await tokenRefused(this, i, body.UniquerefID))) return wrong(body.UniquerefID, error);
		}
		// The token was refused: the same read with n8n's refresh on fetches one new token, and the check is
		// sent once with it; a 401 now is the password.
		await loyalifeRequest(this, i, 'POST', PATHS.checkAvailability, {
			body: await memberScope(this, body.UniquerefID),
			idempotent: true,
		}).catch((error: unknown) => {
			if (error instanceof NodeApiError && error.httpCode === '401') throw error;
		});
		try {
			return answer(requireObject(this, i, (await check(false)).data));
		} catch (error) {
			if (isBusinessAnswer(error, '401')) return wrong(body.UniquerefID, error);
			throw asApiError(this, error);
		}
	},
});

function wrong(UniquerefID: string, error: NodeApiError) {
	// 401 is the documented answer to credentials that do not match: an answer, not a failure.
	return { valid: false, UniquerefID, message: error.message };
}

function asApiError(ctx: IExecuteFunctions, error: unknown): NodeApiError {
	return error instanceof NodeApiError
		? error
		: new NodeApiError(ctx.getNode(), error as JsonObject);
}

/** The page documents the matched member as an object (Id, FullName, Status, ...). */
function requireObject(ctx: IExecuteFunctions, i: number, data: unknown): unknown {
	if (data && typeof data === 'object' && !Array.isArray(data)) return data;
	throw new NodeApiError(
		ctx.getNode(),
		{ message: 'Unexpected answer' },
		{
			message: `Loyalife confirmed the credentials without the member's details (item ${i})`,
			description:
				'members/check-credentials documents ReturnObject as the member (Id, FullName, Status, ...). Check the Base URL.',
			itemIndex: i,
		},
	);
}

/**
 * Whether the stored token is refused: one balance read of the same member (payment-gateway/check-availability)
 * with n8n's refresh off. Any answer but a 401 (a balance, "member does not exist") means the token works.
 */
async function tokenRefused(ctx: IExecuteFunctions, i: number, member: string): Promise<boolean> {
	try {
		await loyalifeRequest(ctx, i, 'POST', PATHS.checkAvailability, {
			body: await memberScope(ctx, member),
			idempotent: true,
			refreshOn401: false,
		});
		return false;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '401') return true;
		if (error instanceof NodeApiError && /^4/.test(String(error.httpCode ?? ''))) return false;
		if (error instanceof NodeApiError && error.httpCode === '200') return false;
		throw asApiError(ctx, error);
	}
}
