import { defineOperation } from '../../../shared/execution/operation';
import { getRedemptionLink } from '../../redemptions';
import { redemptionDateField } from '../common';

export default defineOperation({
	value: 'getLink',
	name: 'Get File Link',
	action: 'Get a redemption file link',
	description: "Get the pre-signed link (valid 60 minutes) to one day's redemption file",
	kind: 'read',
	fields: [redemptionDateField],
	async execute(i) {
		const link = await getRedemptionLink(this, i);
		return { ...link, validForMinutes: 60 };
	},
});
