import { defineOperation } from '../../../shared/execution/operation';
import { removePointsFields } from '../fields';
import { changePoints } from './change';

export default defineOperation({
	value: 'remove',
	name: 'Remove',
	action: 'Remove points from a customer',
	description: 'Take points from a customer',
	kind: 'write',
	records: ['merchantId'],
	fields: [...removePointsFields],
	async execute(i) {
		return await changePoints(this, i, 'remove');
	},
});
