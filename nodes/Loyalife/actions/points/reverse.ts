import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, REF, PATHS, programIdOf, settingsOf } from '../../transport';
import { memberLocator, relationReferenceOf } from '../fields';

// payment-gateway/reversal-points: {RelationReference and MerchantName as in the redemption, ExternalReference
// (what Redeem answered), ProgramId}; ReturnObject true, the points restored. Only one reversal per
// ExternalReference: a second is refused.
export default defineOperation({
	value: 'reverse',
	name: 'Reverse',
	action: 'Reverse a redemption',
	description:
		'Give back the points of a redemption, e.g. when the purchase could not be fulfilled',
	kind: 'write',
	records: ['externalReference'],
	fields: [
		memberLocator(),
		{
			displayName: 'External Reference',
			name: 'externalReference',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 3FA85F64-5717-4562-B3FC-2C963F66AFA6',
			description: "The redemption's reference: the External Reference in Redeem's output",
		},
		{
			displayName: 'Merchant Name',
			name: 'merchantName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Amazon',
			description: 'The merchant name the redemption was made with, unchanged',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const body = {
			RelationReference: relationReferenceOf(this, i),
			MerchantName: v.string('merchantName', 'Merchant Name'),
			ExternalReference: v.string('externalReference', 'External Reference'),
			ProgramId: programIdOf(await settingsOf(this)),
		};
		// Not retried after a lost answer: a second reversal of the same reference is refused, which would
		// report the first one's success as a failure.
		await loyalifeRequest(this, i, 'POST', PATHS.reversePoints, {
			body,
			returnsTrue: `${REF}/payment-gateway/reversal-points`,
		});
		return { reversed: true, ...body };
	},
});
