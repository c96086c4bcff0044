import { defineOperation } from '../../../shared/execution/operation';
import { getRedemptionLink } from '../../redemptions';
import { redemptionDateField } from '../common';

export default defineOperation({
	value: 'getLink',
	name: 'Get File Link',
	action: 'Get a redemption file link',
	description:
		"Get the pre-signed link (valid 60 minutes) to one day's redemption file: the URL, and any other field Cardlytics sends",
	kind: 'read',
	fields: [redemptionDateField],
	async execute(i) {
		// Cardlytics' answer as it is. Only url is defined (OpenAPI); the REST page mentions the file's name and
		// expiry without naming their fields, so whatever else comes is passed on unchanged.
		const { answer } = await getRedemptionLink(this, i);
		return { ...answer };
	},
});
