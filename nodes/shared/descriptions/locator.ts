import type { INodeListSearchItems, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

/** A field that names a record: how the user picks it. */
export interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	required?: boolean;
	/** The node's listSearch method that lists the records (omitted: the provider lists none, By ID only). */
	searchMethod?: string;
	/** Placeholder of the search box of From List, e.g. "Search by email…". */
	searchPlaceholder?: string;
	/** Placeholder of By ID, e.g. "e.g. 1042". */
	idPlaceholder: string;
	/** What an ID looks like (checked in the editor; the node checks again before sending). */
	idPattern?: { regex: string; message: string };
	/** Where a user finds the ID when there is no list (By ID only). */
	hint?: string;
	/** The provider's record URLs: a placeholder, and a regex whose first group is the ID. */
	url?: { placeholder: string; regex: string };
}

/**
 * A resource locator (n8n's "From List / By ID / By URL" field), the same shape for every provider. The node
 * reads it with `extractValue`, so a value mapped from an earlier node (an expression, or a plain ID in
 * older workflows) keeps working in every mode.
 */
export function recordLocator(spec: LocatorSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		required: spec.required ?? true,
		default: { mode: spec.searchMethod ? 'list' : 'id', value: '' },
		description: spec.description,
		...(spec.hint ? { hint: spec.hint } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.searchPlaceholder ?? `Select a ${spec.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: spec.searchMethod ?? '', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: spec.idPattern
					? [
							{
								type: 'regex',
								properties: { regex: spec.idPattern.regex, errorMessage: spec.idPattern.message },
							},
						]
					: [],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.url?.placeholder ?? '',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: spec.url?.regex ?? '',
							errorMessage: 'Not a URL of this kind of record',
						},
					},
				],
				extractValue: { type: 'regex', regex: spec.url?.regex ?? '' },
			},
		],
	};
	// The modes this record has: From List where the provider lists it, By URL where it has record URLs.
	property.modes = property.modes!.filter(
		(mode) => (mode.name !== 'list' || spec.searchMethod) && (mode.name !== 'url' || spec.url),
	);
	return property;
}

/** One page of a list search: the records that match, and the token of the next page when there is one. */
export function searchPage(
	results: INodeListSearchItems[],
	next: string | number | undefined,
): INodeListSearchResult {
	return next === undefined ? { results } : { results, paginationToken: String(next) };
}

/** Whether a record matches what the user typed: any of its texts contains it, case ignored. */
export function matches(filter: string | undefined, ...texts: Array<unknown>): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (!wanted) return true;
	return texts.some(
		(t) => t !== undefined && t !== null && String(t).toLowerCase().includes(wanted),
	);
}

/**
 * The ID a locator inside a collection holds: n8n hands such a field over as the locator itself
 * ({__rl, mode, value}), or as the plain text a workflow saved before the field was a picker.
 */
export function locatorValue(value: unknown): unknown {
	if (value && typeof value === 'object' && (value as { __rl?: unknown }).__rl)
		return (value as { value?: unknown }).value;
	return value;
}
