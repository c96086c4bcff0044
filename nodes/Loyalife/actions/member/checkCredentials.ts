import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import {
	isBusinessAnswer,
	loyalifeRequest,
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
		try {
			const { data } = await loyalifeRequest(this, i, 'POST', PATHS.checkCredentials, {
				body,
				refreshOn401,
			});
			return { valid: true, ...(data ?? {}) };
		} catch (error) {
			// 401 is the documented answer to credentials that do not match: an answer, not a failure.
			if (isBusinessAnswer(error, '401'))
				return { valid: false, UniquerefID: body.UniquerefID, message: error.message };
			throw error instanceof NodeApiError
				? error
				: new NodeApiError(this.getNode(), error as JsonObject);
		}
	},
});
