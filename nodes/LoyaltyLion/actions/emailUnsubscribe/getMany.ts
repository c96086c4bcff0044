import { defineOperation } from '../../../shared/execution/operation';
import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { pageRecords, paginate } from '../../../shared/http/pagination';
import { loyaltyLionRequest, MAX_PAGE_SIZE, PATHS } from '../../transport';

// developers.loyaltylion.com/api-reference/v2/resources/emails/list-unsubscribes: limit (1–500, default 100)
// and page (from 1); a bare array of {email, id} (id: the customer's ID in your store, or null), no cursor.
// Pages are asked for in turn with one page size (so no page overlaps another) until one is shorter.
export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many email unsubscribes',
	description: 'List the email addresses that receive no LoyaltyLion emails, page by page',
	kind: 'read',
	fields: [...returnAllFields()],
	async execute(i) {
		const limit = limitOf(this, i);
		const size = Math.max(1, Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE));
		return await paginate<number>(
			async (page = 1) => {
				const { body } = await loyaltyLionRequest<unknown>(this, i, 'GET', PATHS.unsubscribes, {
					qs: { limit: size, page },
				});
				const records = pageRecords(this, i, 'LoyaltyLion', body);
				return { records, next: records.length < size ? undefined : page + 1 };
			},
			{ limit },
		);
	},
});
