import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { Validator } from '../../shared/validate';

export const contactIdField: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	required: true,
	default: '',
	description: 'Loyalistic ID of the contact',
};

export const companyIdField: INodeProperties = {
	displayName: 'Company ID',
	name: 'companyId',
	type: 'string',
	required: true,
	default: '',
	description: 'Loyalistic ID of the company',
};

export const listIdField: INodeProperties = {
	displayName: 'List ID',
	name: 'listId',
	type: 'string',
	required: true,
	default: '',
	description: 'Loyalistic ID of the list (segments are computed and cannot be changed by hand)',
};

/** Contact fields shared by create (as Additional Fields) and update (as Update Fields). */
export const contactOptionalFields: INodeProperties[] = [
	{ displayName: 'Company ID', name: 'companyId', type: 'number', default: 0, description: 'ID of the company the contact works for' },
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '{}',
		description: 'Custom contact fields defined in your Loyalistic account, as a JSON object',
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Email address (unique per contact)' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Phone number, preferably in E.164 form' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Job title' },
];

export const companyOptionalFields: INodeProperties[] = [
	{ displayName: 'Country', name: 'country', type: 'string', default: '', description: 'Two-letter country code' },
	{ displayName: 'Domain', name: 'domain', type: 'string', default: '', placeholder: 'example.com', description: 'Web domain of the company' },
	{ displayName: 'Employees', name: 'employees', type: 'number', default: 0, description: 'Number of employees' },
	{ displayName: 'Industry', name: 'industry', type: 'string', default: '' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Company name' },
];

/**
 * Reads a collection parameter into a request body: drops empty values, parses JSON sub-fields, and checks
 * formats (email, positive ids) before anything is sent.
 */
export function collectionBody(ctx: IExecuteFunctions, i: number, name: string, label: string): IDataObject {
	const raw = ctx.getNodeParameter(name, i, {}) as IDataObject;
	const v = new Validator(ctx, i);
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'customFields') {
			const parsed = typeof value === 'string' ? safeJson(value) : value;
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) v.fail(`${label} → Custom Fields (JSON)`, 'must be a JSON object');
			if (Object.keys(parsed as object).length) body.customFields = parsed as IDataObject;
			continue;
		}
		if (key === 'email') v.emailValue(value, `${label} → Email`);
		if ((key === 'companyId' || key === 'employees') && (typeof value !== 'number' || value < 0 || !Number.isInteger(value))) {
			v.fail(`${label} → ${key}`, 'must be a whole number');
		}
		if (key === 'companyId' && value === 0) continue;
		body[key] = value;
	}
	return body;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined; // reported by the caller, which knows the field and the item
	}
}

/** A numeric id from a string field. */
export function idOf(ctx: IExecuteFunctions, i: number, name: string, label: string): number {
	const v = new Validator(ctx, i);
	const text = v.id(name, label);
	if (!/^\d+$/.test(text)) v.fail(label, `must be a numeric ID, got "${text}"`);
	return Number(text);
}
