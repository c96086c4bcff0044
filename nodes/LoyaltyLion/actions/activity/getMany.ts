import { defineOperation } from '../../../shared/execution/operation';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { loyaltyLionList, PATHS } from '../../transport';
import { dateFilter, readFilters, sinceIdFilter } from '../filters';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many activities',
	description: 'List activities (points earned or removed), newest first, following the cursor',
	kind: 'read',
	fields: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			// activities/list-activities documents only these filters (no name, customer or state filter).
			options: [
				dateFilter(
					'created_at_min',
					'Created After',
					'Only activities created at or after this time',
				),
				dateFilter('created_at_max', 'Created Before', 'Only activities created before this time'),
				sinceIdFilter('activities'),
			],
		},
	],
	async execute(i) {
		const filters = readFilters(this, i);
		return await loyaltyLionList(
			this,
			i,
			PATHS.activities,
			'activities',
			filters,
			limitOf(this, i),
		);
	},
});
