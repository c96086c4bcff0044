import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { pageRecords } from '../../../shared/http/pagination';
import { loyaltyLionRequest, PATHS, settingsOf, SINGLE_STORE_TYPE } from '../../transport';

// developers.loyaltylion.com/api-reference/v2/resources/sites/list-sites: no parameters; 200 {sites}, every
// site of a multi-site program newest first (one for a single site). Not callable with token and secret.
export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many sites',
	description:
		"List the program's sites (their IDs, platforms, currencies and languages), newest first. Cannot be used with token and secret authentication.",
	kind: 'read',
	fields: [
		{
			displayName:
				'LoyaltyLion does not allow listing sites with token and secret: choose API Key or OAuth2 as Authentication.',
			name: 'tokenSecretSitesNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { authentication: ['apiToken'] } },
		},
	],
	async execute(i) {
		if ((await settingsOf(this)).credentialType === SINGLE_STORE_TYPE) {
			throw new NodeOperationError(
				this.getNode(),
				`Site → Get Many cannot be used with token and secret (item ${i})`,
				{
					itemIndex: i,
					description:
						'LoyaltyLion refuses GET /v2/sites with token and secret authentication. Choose API Key (or OAuth2) as Authentication; nothing was sent.',
				},
			);
		}
		const { body } = await loyaltyLionRequest<IDataObject>(this, i, 'GET', PATHS.sites);
		return pageRecords(this, i, 'LoyaltyLion', body, 'sites');
	},
});
