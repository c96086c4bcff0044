import type { INodeProperties } from 'n8n-workflow';
import { operationProperty, type ResourceMap } from '../../shared/router';
import { simplifyField } from '../transport';
import * as campaignCreate from './campaign/create';
import * as campaignGetMany from './campaign/getMany';
import * as contactCreate from './contact/create';
import * as contactDelete from './contact/delete';
import * as contactGet from './contact/get';
import * as contactGetMany from './contact/getMany';
import * as contactUpdate from './contact/update';
import * as contactListGetMany from './contactList/getMany';
import * as locationGet from './location/get';
import * as locationGetMany from './location/getMany';
import * as syncBatchSync from './sync/batchSync';
import * as syncFinish from './sync/finish';
import * as syncStart from './sync/start';

export const resources: ResourceMap = {
	location: { get: locationGet, getMany: locationGetMany },
	contact: { create: contactCreate, delete: contactDelete, get: contactGet, getMany: contactGetMany, update: contactUpdate },
	contactList: { getMany: contactListGetMany },
	campaign: { create: campaignCreate, getMany: campaignGetMany },
	sync: { batchSync: syncBatchSync, finish: syncFinish, start: syncStart },
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Campaign', value: 'campaign', description: 'Email and SMS campaigns' },
		{ name: 'Contact', value: 'contact', description: 'Clients of the location' },
		{ name: 'Contact List', value: 'contactList', description: 'Lists of contacts' },
		{ name: 'Location', value: 'location', description: 'Business locations' },
		{ name: 'Sync', value: 'sync', description: 'Data sync from your management system' },
	],
	default: 'contact',
};

export const operationProperties: INodeProperties[] = [
	operationProperty(
		'location',
		[
			{ name: 'Get', value: 'get', action: 'Get a location', description: 'Get a location by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many locations', description: 'List the locations the credential can reach' },
		],
		'getMany',
	),
	operationProperty(
		'contact',
		[
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a contact' },
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a contact' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Get a contact by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many contacts', description: 'List contacts, page by page' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change fields of a contact' },
		],
		'create',
	),
	operationProperty('contactList', [{ name: 'Get Many', value: 'getMany', action: 'Get many contact lists', description: 'List contact lists' }], 'getMany'),
	operationProperty(
		'campaign',
		[
			{ name: 'Create', value: 'create', action: 'Create a campaign', description: 'Create a draft or scheduled campaign' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many campaigns', description: 'List campaigns' },
		],
		'create',
	),
	operationProperty(
		'sync',
		[
			{ name: 'Batch Sync', value: 'batchSync', action: 'Sync records in batches', description: 'Create or update input items in Frederick by external ID, 100 per request' },
			{ name: 'Finish', value: 'finish', action: 'Finish a sync run', description: 'Tell Frederick the sync run of your data source has finished' },
			{ name: 'Start', value: 'start', action: 'Start a sync run', description: 'Tell Frederick a sync run of your data source starts' },
		],
		'batchSync',
	),
	simplifyField('location', ['get', 'getMany']),
	simplifyField('contact', ['create', 'get', 'getMany', 'update']),
	simplifyField('contactList', ['getMany']),
	simplifyField('campaign', ['create', 'getMany']),
	simplifyField('sync', ['start', 'finish']),
];
