import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

export default defineOperation({
	value: 'getAvailable',
	name: 'Get Available',
	action: 'Get available rewards',
	description: 'Rewards the customer can afford now',
	kind: 'read',
	fields: [...[customerIdField]],
	async execute(i) {
		const id = new Validator(this, i).id('merchantId', 'Customer ID in Your Store');
		const { body } = await loyaltyLionRequest(this, i, 'GET', PATHS.availableRewards(id));
		return ((body.rewards as IDataObject[] | undefined) ?? []).map((reward) => ({
			merchantId: id,
			...reward,
		}));
	},
});
