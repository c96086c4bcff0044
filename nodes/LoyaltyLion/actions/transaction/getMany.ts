import { defineOperation } from '../../../shared/execution/operation';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { Validator } from '../../../shared/execution/validate';
import { PATHS } from '../../transport';
import {
	dateFilter,
	readFilters,
	sinceIdFilter,
	transactionFormatFields,
	transactionsAs,
} from '../filters';

// developers.loyaltylion.com/api-reference/v2/resources/transactions/list-transactions: type (json or csv),
// since_id, limit, cursor, customer_id (LoyaltyLion's numeric ID), created_at_min, created_at_max (before).
export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many transactions',
	description: 'List points transactions, following the cursor',
	kind: 'read',
	fields: [
		...returnAllFields(),
		...transactionFormatFields,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'LoyaltyLion Customer ID',
					name: 'customer_id',
					type: 'number',
					default: 0,
					description:
						"Only this customer's transactions. This is LoyaltyLion's own numeric customer ID (the ID field of a customer from Customer → Get Many), not the customer's ID in your store.",
				},
				dateFilter(
					'created_at_min',
					'Created After',
					'Only transactions created at or after this time',
				),
				dateFilter(
					'created_at_max',
					'Created Before',
					'Only transactions created before this time',
				),
				sinceIdFilter('transactions', 1),
			],
		},
	],
	async execute(i) {
		const filters = readFilters(this, i);
		if (filters.customer_id === 0) delete filters.customer_id;
		if (filters.customer_id !== undefined && !/^\d+$/.test(String(filters.customer_id).trim())) {
			new Validator(this, i).fail(
				'Filters → LoyaltyLion Customer ID',
				`must be LoyaltyLion's numeric customer ID, got "${String(filters.customer_id)}"`,
			);
		}
		return await transactionsAs(
			this,
			i,
			PATHS.transactions,
			filters,
			limitOf(this, i),
			'loyaltylion-transactions.csv',
		);
	},
});
