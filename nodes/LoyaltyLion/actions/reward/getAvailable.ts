import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField, siteIdOf, siteIdOption } from '../fields';

// developers.loyaltylion.com/api-reference/v2/resources/customers/rewards/list-available-rewards: every reward
// that is enabled, offered on the customer's tier and supported on the platform, even one the customer
// cannot afford yet; all sites of the program unless site_id names one.
export default defineOperation({
	value: 'getAvailable',
	name: 'Get Available',
	action: 'Get available rewards',
	description:
		'Rewards available to the customer (enabled, on their tier, supported on the platform), whether they can afford them yet or not',
	kind: 'read',
	fields: [
		customerIdField,
		{
			...siteIdOption(
				'Only the rewards of this site, for programs with several sites. Leave empty for the rewards of every site.',
			),
			name: 'siteId',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const id = v.id('merchantId', 'Customer ID in Your Store');
		const siteId = siteIdOf(
			v,
			this.getNodeParameter('siteId', i, '', { extractValue: true }),
			'Site',
		);
		const { body } = await loyaltyLionRequest(this, i, 'GET', PATHS.availableRewards(id), {
			qs: siteId ? { site_id: siteId } : {},
		});
		return ((body.rewards as IDataObject[] | undefined) ?? []).map((reward) => ({
			merchantId: id,
			...reward,
		}));
	},
});
