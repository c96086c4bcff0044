import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { ASSUMED, loyalifeRequest, PATHS, REF, programIdOf, settingsOf } from '../../transport';
import { otpMemberFields, otpTypeField } from '../fields';

// otp/generate-otp: {UniquerefID (the member's e-mail), SourceAddress (client IP), SourceCode, OtpType,
// ProgramId, RelationType}; Loyalife sends the code over the member's registered channel; ReturnObject true.
// otp/generate-otp-by-relation: the member by RelationReference; its path and body are not public (ASSUMED.otpByRelation:
// the body of GenerateOTP).
export default defineOperation({
	value: 'generate',
	name: 'Send',
	action: 'Send a one-time password',
	description: 'Send a one-time code to the member over their registered channel (SMS or e-mail)',
	kind: 'write',
	fields: [
		...otpMemberFields(false),
		otpTypeField,
		{
			displayName: 'Source Address',
			name: 'sourceAddress',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 192.168.1.1',
			description:
				"IP address of the member's device. Required here (assumed: otp/generate-otp gives no required flags; its example sends it).",
		},
		{
			displayName: 'Source Code',
			name: 'sourceCode',
			type: 'number',
			default: 1,
			description:
				"Sent as SourceCode; the reference's example uses 1 and does not say what it means",
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const s = await settingsOf(this);
		const byEmail = v.string('by', 'Identify Member By') === 'email';
		const body = {
			UniquerefID: byEmail ? v.email('email', 'Email') : v.string('relationReference', 'Member'),
			SourceAddress: v.string('sourceAddress', 'Source Address'),
			SourceCode: v.number('sourceCode', 'Source Code', { integer: true }),
			OtpType: v.string('otpType', 'OTP Type'),
			ProgramId: programIdOf(s),
			RelationType: s.relationType,
		};
		// Not retried: a second request would send the member a second code.
		await loyalifeRequest(
			this,
			i,
			'POST',
			byEmail ? PATHS.generateOtp : ASSUMED.otpByRelation.path,
			// otp/generate-otp documents ReturnObject true; the by-relation answer is not public.
			{ body, returnsTrue: byEmail ? `${REF}/otp/generate-otp` : undefined },
		);
		return { sent: true, UniquerefID: body.UniquerefID, OtpType: body.OtpType };
	},
});
