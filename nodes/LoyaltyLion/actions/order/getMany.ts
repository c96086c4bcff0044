import { defineOperation } from '../../../shared/execution/operation';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { loyaltyLionList, PATHS } from '../../transport';
import { dateFilter, readFilters, sinceIdFilter } from '../filters';

// developers.loyaltylion.com/api-reference/v2/resources/orders/list-orders: since_id, limit, cursor,
// created_at_min/max, updated_at_min/max (at or after / at or before, as the older orders page says). Only
// orders created through the API or received from the platform's webhooks are held.
export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many orders',
	description:
		'List the orders LoyaltyLion holds (sent through the API or by your platform), newest first, following the cursor',
	kind: 'read',
	fields: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Only the orders that match every filter added',
			options: [
				dateFilter('created_at_min', 'Created After', 'Only orders created at or after this time'),
				dateFilter(
					'created_at_max',
					'Created Before',
					'Only orders created at or before this time',
				),
				sinceIdFilter('orders', 1),
				dateFilter('updated_at_min', 'Updated After', 'Only orders changed at or after this time'),
				dateFilter(
					'updated_at_max',
					'Updated Before',
					'Only orders changed at or before this time',
				),
			],
		},
	],
	async execute(i) {
		return await loyaltyLionList(
			this,
			i,
			PATHS.orders,
			'orders',
			readFilters(this, i),
			limitOf(this, i),
		);
	},
});
