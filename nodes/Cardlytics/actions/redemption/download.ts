import { defineOperation } from '../../../shared/execution/operation';
import { outputItems } from '../../../shared/execution/items';
import { downloadRedemptionFile, getRedemptionLink } from '../../redemptions';
import { redemptionDateField } from '../common';

export default defineOperation({
	value: 'download',
	name: 'Download',
	action: 'Download a redemption file',
	description:
		"Download one day's redemption file as binary data, with any field of the link answer besides the URL (e.g. the file name or expiry Cardlytics sends)",
	kind: 'read',
	fields: [
		redemptionDateField,
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			placeholder: 'e.g. data',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
			description: 'Name of the binary field the redemption file is written to',
		},
	],
	async execute(i) {
		const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i) as string;
		const link = await getRedemptionLink(this, i);
		return outputItems(await downloadRedemptionFile(this, i, link, binaryPropertyName));
	},
});
