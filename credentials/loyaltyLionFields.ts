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

/**
 * How many n8n processes spend the rate of one credential at once (queue mode: the workers, and the main
 * process if it runs executions too). Each keeps its share, so together they keep LoyaltyLion's limit.
 */
export const processesField: INodeProperties = {
	displayName: 'n8n Processes Sharing This Credential',
	name: 'processes',
	type: 'number',
	default: 1,
	typeOptions: { minValue: 1 },
	description:
		'In queue mode, the number of n8n workers that may run workflows with this credential at the same time. Each keeps to Requests per Second divided by this number, so together they stay within the limit; if more run, the nodes slow down on the 429s that follow.',
};

/** Where the Admin API is: changed only to use a simulator. */
export const apiBaseUrlField: INodeProperties = {
	displayName: 'API Base URL',
	name: 'apiBaseUrl',
	type: 'string',
	default: 'https://api.loyaltylion.com/v2',
	description: 'Base of the API paths. Change it only to use a simulator.',
};
