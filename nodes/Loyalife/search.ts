import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { loyalifeRequest, MEMBER_LOOKUP, PATHS } from './transport';

/**
 * The listSearch methods of the Loyalife node. Loyalife lists no members; it looks one up by a unique
 * attribute (members/get-member-details). What the user types says which: an email, a mobile number, or a
 * relation reference.
 */
export const listSearch = {
	async searchMembers(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const value = (filter ?? '').trim();
		if (!value) return { results: [] };
		const attribute = value.includes('@')
			? MEMBER_LOOKUP.attributes.email
			: /^\+?[\d\s-]{7,}$/.test(value)
				? MEMBER_LOOKUP.attributes.mobile
				: MEMBER_LOOKUP.attributes.relationReference;
		try {
			const { data } = await loyalifeRequest<IDataObject>(this, undefined, 'GET', PATHS.getMember, {
				qs: { [MEMBER_LOOKUP.nameParameter]: attribute, [MEMBER_LOOKUP.valueParameter]: value },
				program: true,
			});
			if (!data?.RelationReference) return { results: [] };
			const name = [data.FullName, data.Email ?? data.Mobile].filter(Boolean).join(' · ');
			return {
				results: [
					{
						name: `${name || String(data.RelationReference)} (${String(data.RelationReference)})`,
						value: String(data.RelationReference),
					},
				],
			};
		} catch (error) {
			// Loyalife answers "no such member" as an error envelope over HTTP 200: for a search, that is no result.
			if (error instanceof NodeApiError && error.httpCode === '200') return { results: [] };
			// The request core's errors already are NodeApiErrors that say what to fix; anything else is wrapped.
			throw error instanceof NodeApiError
				? error
				: new NodeApiError(this.getNode(), error as JsonObject);
		}
	},
};
