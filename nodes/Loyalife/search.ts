import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { ASSUMED, loyalifeRequest, MEMBER_ATTRIBUTES, PATHS } from './transport';

/**
 * The listSearch methods of the Loyalife node. The Loyalife reference documents no member listing; it looks one up: an email or a
 * mobile number by Get Member by Attribute (members/get-member-by-attribute), anything else as a relation
 * reference by Get Member Profile (its method, path and parameter assumed: ASSUMED.profile).
 */
export const listSearch = {
	async searchMembers(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const value = (filter ?? '').trim();
		if (!value) return { results: [] };
		const attribute = value.includes('@')
			? MEMBER_ATTRIBUTES.email
			: /^\+?[\d\s\-()]{7,}$/.test(value)
				? MEMBER_ATTRIBUTES.mobile
				: undefined;
		// A unique attribute matches its stored value exactly (members/get-member-by-attribute: "value to
		// match"): a number typed "+91 (98765) 000-05" is sent as its digits, a leading + kept.
		const match =
			attribute === MEMBER_ATTRIBUTES.mobile
				? `${value.startsWith('+') ? '+' : ''}${value.replace(/\D/g, '')}`
				: value;
		try {
			const { data } = attribute
				? await loyalifeRequest<IDataObject>(this, undefined, 'GET', PATHS.getMemberByAttribute, {
						qs: {
							[ASSUMED.memberLookup.nameParameter]: attribute,
							[ASSUMED.memberLookup.valueParameter]: match,
						},
						program: true,
					})
				: await loyalifeRequest<IDataObject>(
						this,
						undefined,
						ASSUMED.profile.method,
						ASSUMED.profile.path,
						{ qs: { [ASSUMED.profile.query]: value }, program: ASSUMED.profile.sendsProgram },
					);
			const reference = data?.RelationReference ?? (attribute ? undefined : value);
			if (!data || !reference) return { results: [] };
			const name = [data.FullName, data.Email ?? data.MobileNumber].filter(Boolean).join(' · ');
			return {
				results: [
					{
						name: `${name || String(reference)} (${String(reference)})`,
						value: String(reference),
					},
				],
			};
		} catch (error) {
			// "No such member" (404, or 103 over HTTP 200): for a search, that is no result.
			if (
				error instanceof NodeApiError &&
				(String(error.httpCode) === '404' || /ErrorCode 103\b/.test(error.message))
			)
				return { results: [] };
			// The request core's errors already are NodeApiErrors that say what to fix; anything else is wrapped.
			throw error instanceof NodeApiError
				? error
				: new NodeApiError(this.getNode(), error as JsonObject);
		}
	},
};
