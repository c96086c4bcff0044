import { defineOperation } from '../../../shared/execution/operation';
import { ASSUMED, loyalifeRequest } from '../../transport';
import { memberLocator, relationReferenceOf } from '../fields';

// members/get-member-profile: the member by RelationReference (URL-encoded query), answering Id (the internal
// ID Update needs), name, contact, Status (an integer), tier, TotalPoints and dates. Its method, path and
// parameter names are not public: ASSUMED.profile.
export default defineOperation({
	value: 'getProfile',
	name: 'Get Profile',
	action: "Get a member's profile",
	description:
		"A member's full profile by relation reference, with their internal ID, tier and points (the path is assumed: not public)",
	kind: 'read',
	fields: [memberLocator()],
	async execute(i) {
		const reference = relationReferenceOf(this, i);
		const { method, path, query, sendsProgram } = ASSUMED.profile;
		const { data } = await loyalifeRequest(this, i, method, path, {
			qs: { [query]: reference },
			program: sendsProgram,
		});
		return { RelationReference: reference, ...(data ?? {}) };
	},
});
