import { defineOperation } from '../../../shared/execution/operation';
import type { IDataObject } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { outputFields, outputShaper } from '../../../shared/descriptions/simplify';
import { loyaltyLionList, PATHS } from '../../transport';
import { CUSTOMER_OUTPUT, CUSTOMER_SIMPLE } from '../fields';
import { dateFilter, readFilters, sinceIdFilter } from '../filters';
import { Validator } from '../../../shared/execution/validate';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many customers',
	description: 'List customers, newest first, following the cursor',
	kind: 'read',
	fields: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			// customers/list-customers (email, since_id, sort) and the older api/resources/customers page (the
			// dates: whether the current API still takes them is not public, assumed).
			options: [
				dateFilter(
					'created_at_min',
					'Created After',
					"Only customers created at or after this time (documented only on LoyaltyLion's older page: assumed)",
				),
				dateFilter(
					'created_at_max',
					'Created Before',
					"Only customers created at or before this time (documented only on LoyaltyLion's older page: assumed)",
				),
				{
					displayName: 'Email Contains',
					name: 'email',
					type: 'string',
					placeholder: 'e.g. @example.com',
					default: '',
					description:
						'Only customers whose email contains this text (LoyaltyLion matches part of the address, not the whole)',
				},
				sinceIdFilter('customers'),
				dateFilter(
					'updated_at_min',
					'Updated After',
					"Only customers changed at or after this time (documented only on LoyaltyLion's older page: assumed)",
				),
				dateFilter(
					'updated_at_max',
					'Updated Before',
					"Only customers changed at or before this time (documented only on LoyaltyLion's older page: assumed)",
				),
			],
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'collection',
			placeholder: 'Add Sort',
			default: {},
			options: [
				{
					displayName: 'Sort By',
					name: 'sort_field',
					type: 'options',
					options: [
						{ name: 'ID', value: 'id' },
						{ name: 'Updated At', value: 'updated_at' },
					],
					default: 'id',
				},
				{
					displayName: 'Direction',
					name: 'sort_direction',
					type: 'options',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
					],
					default: 'desc',
				},
			],
		},
		{
			displayName:
				'Customers come newest first unless sorted or filtered by Since ID; Return All follows the cursor to the end (with Since ID, it moves Since ID to the last ID of each page).',
			name: 'orderNotice',
			type: 'notice',
			default: '',
		},
		...outputFields(CUSTOMER_OUTPUT),
	],
	async execute(i) {
		const shape = outputShaper(this, i, CUSTOMER_OUTPUT);
		const sort = this.getNodeParameter('sort', i, {}) as IDataObject;
		const filters = { ...readFilters(this, i), ...sort };
		// developers.loyaltylion.com/api-reference/pagination: since_id lists by id ascending, and its loop moves since_id to each page's last id;
		// any other order would skip or repeat customers, and how the API combines the two is not public.
		const ascendingById =
			(sort.sort_field ?? 'id') === 'id' && (sort.sort_direction ?? 'asc') === 'asc';
		if (filters.since_id !== undefined && !ascendingById)
			new Validator(this, i).fail(
				'Sort',
				'cannot be combined with Since ID, which lists customers by ID ascending: remove the Sort or the Since ID filter',
			);
		return shape(
			await loyaltyLionList(this, i, PATHS.customers, 'customers', filters, limitOf(this, i)),
			CUSTOMER_SIMPLE,
		);
	},
});
