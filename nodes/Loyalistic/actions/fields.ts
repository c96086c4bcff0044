import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/descriptions/locator';
import type { FieldPick, OutputVersions } from '../../shared/descriptions/simplify';
import { readCollection, Validator } from '../../shared/execution/validate';

/**
 * Loyalistic's id type is not public: any single path segment is accepted (a number, a GUID, ...) and the API
 * decides whether it knows it.
 */
const ID_PATTERN = {
	regex: '^\\s*[A-Za-z0-9_-]+\\s*$',
	message: 'A Loyalistic ID is letters, digits, dashes or underscores, e.g. 1042',
};

export const contactIdField: INodeProperties = recordLocator({
	displayName: 'Contact',
	name: 'contactId',
	description:
		'The contact: pick it from the list (search by email or name), or give its Loyalistic ID',
	searchMethod: 'searchContacts',
	searchPlaceholder: 'Search by email or name...',
	idPlaceholder: 'e.g. 1042',
	idPattern: ID_PATTERN,
});

export const companyIdField: INodeProperties = recordLocator({
	displayName: 'Company',
	name: 'companyId',
	description: 'The company: pick it from the list (search by name), or give its Loyalistic ID',
	searchMethod: 'searchCompanies',
	searchPlaceholder: 'Search by name...',
	idPlaceholder: 'e.g. 17',
	idPattern: ID_PATTERN,
});

export const listIdField: INodeProperties = recordLocator({
	displayName: 'List',
	name: 'listId',
	description:
		'The list: pick it from the list, or give its Loyalistic ID. Segments are assumed to be computed, so adding or removing contacts may be refused for them.',
	searchMethod: 'searchLists',
	searchPlaceholder: 'Search by name...',
	idPlaceholder: 'e.g. 3',
	idPattern: ID_PATTERN,
});

/** Contact fields shared by create (as Additional Fields) and update (as Update Fields). */
export const contactOptionalFields: INodeProperties[] = [
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'number',
		default: 0,
		description: 'ID of the company the contact works for (field name and number type assumed)',
	},
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '{}',
		description: 'Custom contact fields defined in your Loyalistic account, as a JSON object',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description: 'Email address (field name assumed)',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		placeholder: 'e.g. Ada',
		default: '',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		placeholder: 'e.g. Lovelace',
		default: '',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		placeholder: 'e.g. +1 404 555 0100',
		default: '',
		description: 'Phone number, e.g. +1 404 555 0100 (field name and format assumed)',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		placeholder: 'e.g. Head of Marketing',
		default: '',
		description: 'Job title',
	},
];

export const companyOptionalFields: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		placeholder: 'e.g. FI',
		default: '',
		description: 'Country, e.g. FI (field name and format assumed)',
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		default: '',
		placeholder: 'e.g. example.com',
		description: 'Web domain of the company',
	},
	{
		displayName: 'Employees',
		name: 'employees',
		type: 'number',
		default: 0,
		description: 'Number of employees',
	},
	{
		displayName: 'Industry',
		name: 'industry',
		type: 'string',
		placeholder: 'e.g. Software',
		default: '',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		placeholder: 'e.g. Acme Oy',
		default: '',
		description: 'Company name',
	},
];

/**
 * Reads a collection parameter into a request body: drops empty values, parses JSON sub-fields, and checks
 * formats (email, positive ids) before anything is sent.
 */
export function collectionBody(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): IDataObject {
	return readCollection(ctx, i, name, (key, value, v, body) => {
		if (key === 'customFields') {
			const parsed = typeof value === 'string' ? safeJson(value) : value;
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
				v.fail(`${label} → Custom Fields (JSON)`, 'must be a JSON object');
			if (Object.keys(parsed as object).length) body.customFields = parsed as IDataObject;
			return;
		}
		if (key === 'email') v.emailValue(value, `${label} → Email`);
		if (
			(key === 'companyId' || key === 'employees') &&
			(typeof value !== 'number' || value < 0 || !Number.isInteger(value))
		) {
			v.fail(`${label} → ${key}`, 'must be a whole number');
		}
		if (key === 'companyId' && value === 0) return;
		body[key] = value;
	});
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined; // reported by the caller, which knows the field and the item
	}
}

/** An id from a field, as text: its type is not public, so the API, not the node, judges it. */
export function idOf(ctx: IExecuteFunctions, i: number, name: string, label: string): string {
	return new Validator(ctx, i).id(name, label);
}

/** What Simplify keeps of a contact: the fields a workflow usually maps. */
/** Contact outputs: Simplify in version 1, the Output option from 1.1. */
export const CONTACT_OUTPUT: OutputVersions = { legacy: [1], output: [1.1] };
/** Contact → Update returned the contact whole in version 1; the Output option from 1.1. */
export const CONTACT_UPDATE_OUTPUT: OutputVersions = { legacy: [], output: [1.1] };

export const CONTACT_SIMPLE: FieldPick[] = [
	'id',
	'email',
	'firstName',
	'lastName',
	'phone',
	'title',
	'companyId',
	'score',
	'updatedAt',
];
