import { defineOperation } from '../../../shared/execution/operation';
import { pointsFields } from '../fields';
import { changePoints } from './change';

export default defineOperation({
	value: 'add',
	name: 'Add',
	action: 'Add points to a customer',
	description: 'Give a customer points',
	kind: 'write',
	records: ['merchantId'],
	fields: [...pointsFields],
	async execute(i) {
		return await changePoints(this, i, 'add');
	},
});
