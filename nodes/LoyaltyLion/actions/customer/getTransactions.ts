import { defineOperation } from '../../../shared/execution/operation';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionList, PATHS } from '../../transport';
import { customerIdField } from '../fields';
import { dateFilter, readFilters, sinceIdFilter } from '../filters';

// developers.loyaltylion.com/api-reference/v2/resources/customers/list-transactions: type (json, the
// default, or csv), since_id, limit, cursor, created_at_min (on or after), created_at_max (before). Only
// JSON is asked for: a CSV answer carries its cursor in the Link header alone and gives no items to map.
export default defineOperation({
	value: 'getTransactions',
	name: 'Get Transactions',
	action: "Get a customer's transactions",
	description:
		"List one customer's points transactions (earned, spent, adjusted, expired), newest first, following the cursor",
	kind: 'read',
	fields: [
		customerIdField,
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Only the transactions that match every filter added',
			options: [
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
				sinceIdFilter('transactions'),
			],
		},
	],
	async execute(i) {
		const id = new Validator(this, i).id('merchantId', 'Customer ID in Your Store');
		return await loyaltyLionList(
			this,
			i,
			PATHS.customerTransactions(id),
			'transactions',
			readFilters(this, i),
			limitOf(this, i),
		);
	},
});
