import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import {
	isBusinessAnswer,
	loyalifeRequest,
	PATHS,
	REF,
	programIdOf,
	settingsOf,
} from '../../transport';
import { otpMemberFields, otpTypeField } from '../fields';

// otp/verify-otp (the member by e-mail) and otp/verify-otp-by-relation (by RelationReference): {UniquerefID,
// OTP (an integer), DestinationAddress (client IP), Destination (Web, Mobile), OtpType (as generated),
// ProgramId, RelationType}; ReturnObject true; 400 when the code is wrong, expired, used or out of attempts.
export default defineOperation({
	value: 'verify',
	name: 'Verify',
	action: 'Verify a one-time password',
	description:
		'Check the code a member entered; the OTP Type must be the one it was sent with. Outputs whether it was valid.',
	kind: 'write',
	fields: [
		...otpMemberFields(true),
		otpTypeField,
		{
			displayName: 'OTP',
			name: 'otp',
			type: 'number',
			required: true,
			default: 0,
			description:
				'The code the member entered. Loyalife takes it as a number, so a code starting with 0 cannot be sent as is.',
		},
		{
			displayName: 'Destination',
			name: 'destination',
			type: 'options',
			options: [
				{ name: 'Web', value: 'Web' },
				{ name: 'Mobile', value: 'Mobile' },
			],
			default: 'Web',
			description: 'Where the member entered the code',
		},
		{
			displayName: 'Destination Address',
			name: 'destinationAddress',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 192.168.1.1',
			description: "IP address of the member's device",
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const s = await settingsOf(this);
		const byEmail = v.string('by', 'Identify Member By') === 'email';
		const body = {
			UniquerefID: byEmail ? v.email('email', 'Email') : v.string('relationReference', 'Member'),
			OTP: v.number('otp', 'OTP', { min: 0, integer: true }),
			DestinationAddress: v.string('destinationAddress', 'Destination Address'),
			Destination: v.string('destination', 'Destination'),
			OtpType: v.string('otpType', 'OTP Type'),
			ProgramId: programIdOf(s),
			RelationType: s.relationType,
		};
		// Not retried: a code is single-use, so a second try after a lost answer would be refused.
		try {
			await loyalifeRequest(
				this,
				i,
				'POST',
				byEmail ? PATHS.verifyOtp : PATHS.verifyOtpByRelation,
				{
					body,
					returnsTrue: `${REF}/otp/${byEmail ? 'verify-otp' : 'verify-otp-by-relation'}`,
				},
			);
			return { valid: true, UniquerefID: body.UniquerefID, OtpType: body.OtpType };
		} catch (error) {
			// 400 is the documented answer to a wrong, expired or used code: an answer a workflow branches on.
			if (isBusinessAnswer(error, '400'))
				return {
					valid: false,
					UniquerefID: body.UniquerefID,
					OtpType: body.OtpType,
					message: error.message,
				};
			throw error instanceof NodeApiError
				? error
				: new NodeApiError(this.getNode(), error as JsonObject);
		}
	},
});
