import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/descriptions/locator';
import { readCollection } from '../../shared/execution/validate';

export const locationIdField: INodeProperties = recordLocator({
	displayName: 'Location',
	name: 'locationId',
	// The public sync operations use it too: the list itself is V2 (GET /v2/locations), so it says so.
	description:
		"The business location: pick it from the list of those the credential can reach (read from /v2/locations, V2 as Frederick's own client library sends it; V2 is not a public API), or give its Frederick ID",
	searchMethod: 'searchLocations',
	searchPlaceholder: 'Search by name...',
	idPlaceholder: 'e.g. loc_1',
});

export const contactIdField: INodeProperties = recordLocator({
	displayName: 'Contact',
	name: 'contactId',
	description:
		'The contact: pick them from the list (search by email or name), or give their Frederick ID',
	searchMethod: 'searchContacts',
	searchPlaceholder: 'Search by email or name...',
	idPlaceholder: 'e.g. ct_1042',
});

/** A contact list of the chosen location (contact_lists of the location, listed page by page). */
export const contactListIdField: INodeProperties = recordLocator({
	displayName: 'Contact List',
	name: 'contact_list_id',
	description:
		'Who receives it: pick the contact list from those of the location, or give its Frederick ID (attribute name assumed)',
	required: false,
	searchMethod: 'searchContactLists',
	searchPlaceholder: 'Search by name...',
	idPlaceholder: 'e.g. cl_1',
});

/**
 * Contact attributes. Frederick's client library shows `name` and `properties` on a contact, the external id
 * inside `properties` (github.com/HireFrederick/frederick_api_gem), so it is sent as properties.external_id;
 * email, first_name, last_name and phone are assumed attribute names.
 */
export const contactAttributeFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description: 'Email address of the contact (attribute name assumed)',
	},
	{
		displayName: 'External ID',
		name: 'external_id',
		type: 'string',
		placeholder: 'e.g. client-4821',
		default: '',
		description:
			"ID of the contact in your management system, sent as properties.external_id as Frederick's client library keeps it",
	},
	{
		displayName: 'First Name',
		name: 'first_name',
		type: 'string',
		placeholder: 'e.g. Ada',
		default: '',
		description: 'First name of the contact (attribute name assumed)',
	},
	{
		displayName: 'Last Name',
		name: 'last_name',
		type: 'string',
		placeholder: 'e.g. Lovelace',
		default: '',
		description: 'Last name of the contact (attribute name assumed)',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		placeholder: 'e.g. Ada Lovelace',
		default: '',
		description:
			"Name of the contact: the one contact attribute Frederick's client library shows (its fixtures), unlike First Name and Last Name",
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		placeholder: 'e.g. +1 404 555 0100',
		default: '',
		description: 'Phone number, e.g. +1 404 555 0100 (attribute name assumed)',
	},
];

/** Contact attributes from a collection, checked before sending. */
export function contactAttributes(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): IDataObject {
	return readCollection(ctx, i, name, (key, value, v, out) => {
		const text = String(value).trim();
		if (key === 'email') v.emailValue(text, `${label} → Email`);
		if (key === 'external_id') out.properties = { external_id: text };
		else out[key] = text;
	});
}
