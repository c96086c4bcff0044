import { defineOperation } from '../../../shared/execution/operation';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { Validator } from '../../../shared/execution/validate';
import { PATHS } from '../../transport';
import { customerIdField } from '../fields';
import {
	dateFilter,
	readFilters,
	sinceIdFilter,
	transactionFormatFields,
	transactionsAs,
} from '../filters';

// developers.loyaltylion.com/api-reference/v2/resources/customers/list-transactions: type (json, the
// default, or csv: then the cursor is in the Link header only), since_id, limit, cursor, created_at_min
// (on or after), created_at_max (before).
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
		...transactionFormatFields,
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
		return await transactionsAs(
			this,
			i,
			PATHS.customerTransactions(id),
			readFilters(this, i),
			limitOf(this, i),
			`loyaltylion-transactions-${id}.csv`,
		);
	},
});
