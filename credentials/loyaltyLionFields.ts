import type { INodeProperties } from 'n8n-workflow';

/** The request rate of a LoyaltyLion credential: 20 per second, as LoyaltyLion publishes it. */
export const requestsPerSecondField: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	default: 20,
	typeOptions: { minValue: 1 },
	description:
		'The rate the nodes keep to. LoyaltyLion allows 20 per second (whether it raises that for a store is not public).',
};

/** Where the Admin API is: changed only to use a simulator. */
export const apiBaseUrlField: INodeProperties = {
	displayName: 'API Base URL',
	name: 'apiBaseUrl',
	type: 'string',
	default: 'https://api.loyaltylion.com/v2',
	description: 'Base of the API paths. Change it only to use a simulator.',
};
