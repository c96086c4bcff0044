import type { INodeProperties } from 'n8n-workflow';
import { operationProperty, type ResourceMap } from '../../shared/router';
import * as activityCreate from './activity/create';
import * as activityGetMany from './activity/getMany';
import * as companyCreate from './company/create';
import * as companyGet from './company/get';
import * as companyGetMany from './company/getMany';
import * as companyUpdate from './company/update';
import * as contactCreate from './contact/create';
import * as contactDelete from './contact/delete';
import * as contactFindByEmail from './contact/findByEmail';
import * as contactGet from './contact/get';
import * as contactGetMany from './contact/getMany';
import * as contactUpdate from './contact/update';
import * as listAddContacts from './list/addContacts';
import * as listGetMany from './list/getMany';
import * as listRemoveContact from './list/removeContact';

export const resources: ResourceMap = {
	contact: {
		create: contactCreate,
		delete: contactDelete,
		findByEmail: contactFindByEmail,
		get: contactGet,
		getMany: contactGetMany,
		update: contactUpdate,
	},
	company: { create: companyCreate, get: companyGet, getMany: companyGetMany, update: companyUpdate },
	list: { addContacts: listAddContacts, getMany: listGetMany, removeContact: listRemoveContact },
	activity: { create: activityCreate, getMany: activityGetMany },
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Activity', value: 'activity', description: 'Activities and events recorded for contacts' },
		{ name: 'Company', value: 'company', description: 'Companies (accounts) contacts belong to' },
		{ name: 'Contact', value: 'contact', description: 'People in your marketing database' },
		{ name: 'List', value: 'list', description: 'Static lists and computed segments' },
	],
	default: 'contact',
};

export const operationProperties: INodeProperties[] = [
	operationProperty(
		'contact',
		[
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a contact' },
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a contact' },
			{ name: 'Find by Email', value: 'findByEmail', action: 'Find a contact by email', description: 'Find the contact with an email address' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Get a contact by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many contacts', description: 'List contacts, page by page' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change fields of a contact' },
		],
		'create',
	),
	operationProperty(
		'company',
		[
			{ name: 'Create', value: 'create', action: 'Create a company', description: 'Create a company' },
			{ name: 'Get', value: 'get', action: 'Get a company', description: 'Get a company by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many companies', description: 'List companies, page by page' },
			{ name: 'Update', value: 'update', action: 'Update a company', description: 'Change fields of a company' },
		],
		'create',
	),
	operationProperty(
		'list',
		[
			{ name: 'Add Contacts', value: 'addContacts', action: 'Add contacts to a list', description: 'Add contacts to a static list' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many lists', description: 'List lists and segments' },
			{ name: 'Remove Contact', value: 'removeContact', action: 'Remove a contact from a list', description: 'Remove a contact from a static list' },
		],
		'getMany',
	),
	operationProperty(
		'activity',
		[
			{ name: 'Create', value: 'create', action: 'Record an activity', description: 'Record an activity for a contact' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many activities', description: 'List activities, page by page' },
		],
		'create',
	),
];
