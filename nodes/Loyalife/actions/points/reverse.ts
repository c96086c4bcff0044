import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, PATHS } from '../../transport';

export default defineOperation({
	value: 'reverse',
	name: 'Reverse',
	action: 'Reverse a redemption',
	description: 'Give back the points of a redemption',
	kind: 'write',
	records: ['externalReference'],
	fields: [
		{
			displayName: 'External Reference',
			name: 'externalReference',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'RDM-1A2B3C',
			description: 'The ExternalReference returned by Redeem',
		},
	],
	async execute(i) {
		const external_reference = new Validator(this, i).string(
			'externalReference',
			'External Reference',
		);
		// A reversal can happen only once (a second one is refused), so retrying it is safe.
		return (
			await loyalifeRequest(this, i, 'POST', PATHS.reverseRedemption, {
				body: { external_reference },
				idempotent: true,
			})
		).data;
	},
});
