import { defineOperation } from '../../../shared/execution/operation';
import { getRedemptionLink } from '../../redemptions';
import { redemptionDateField } from '../common';

export default defineOperation({
	value: 'getLink',
	name: 'Get File Link',
	action: 'Get a redemption file link',
	description:
		"Get the pre-signed link (valid 60 minutes) to one day's redemption file, with the file details Cardlytics sends",
	kind: 'read',
	fields: [redemptionDateField],
	async execute(i) {
		// Cardlytics' answer as it is: the url, and the file's name and expiry under Cardlytics' own names.
		const { answer } = await getRedemptionLink(this, i);
		return { ...answer };
	},
});
