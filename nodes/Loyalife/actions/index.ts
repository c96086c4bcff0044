import type { INodeProperties } from 'n8n-workflow';
import { operationProperty, type ResourceMap } from '../../shared/router';
import * as memberCreate from './member/create';
import * as memberGet from './member/get';
import * as memberUpdate from './member/update';
import * as pointsGetExpirySchedule from './points/getExpirySchedule';
import * as pointsRedeem from './points/redeem';
import * as pointsReverse from './points/reverse';
import * as transactionCreate from './transaction/create';
import * as transactionCreateBatch from './transaction/createBatch';
import * as transactionGetSummary from './transaction/getSummary';

export const resources: ResourceMap = {
	member: { create: memberCreate, get: memberGet, update: memberUpdate },
	transaction: { create: transactionCreate, createBatch: transactionCreateBatch, getSummary: transactionGetSummary },
	points: { getExpirySchedule: pointsGetExpirySchedule, redeem: pointsRedeem, reverse: pointsReverse },
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Member', value: 'member', description: 'Members of your loyalty program' },
		{ name: 'Point', value: 'points', description: 'Redemptions, reversals and expiry' },
		{ name: 'Transaction', value: 'transaction', description: 'Transactions that earn or reverse points' },
	],
	default: 'member',
};

export const operationProperties: INodeProperties[] = [
	operationProperty(
		'member',
		[
			{ name: 'Create', value: 'create', action: 'Create a member', description: 'Enrol a member (fails if the relation reference exists)' },
			{ name: 'Get', value: 'get', action: 'Get a member', description: 'Get a member by relation reference, email or mobile number' },
			{ name: 'Update', value: 'update', action: 'Update a member', description: 'Change profile fields of a member' },
		],
		'create',
	),
	operationProperty(
		'transaction',
		[
			{ name: 'Create', value: 'create', action: 'Create a transaction', description: 'Record one transaction' },
			{ name: 'Create Batch', value: 'createBatch', action: 'Create transactions in batches', description: 'Record every input item as a transaction, 100 per request, idempotently' },
			{ name: 'Get Summary', value: 'getSummary', action: 'Get a transaction summary', description: 'List transactions in a date range, page by page' },
		],
		'create',
	),
	operationProperty(
		'points',
		[
			{ name: 'Get Expiry Schedule', value: 'getExpirySchedule', action: 'Get the points expiry schedule', description: 'When the member\'s points expire' },
			{ name: 'Redeem', value: 'redeem', action: 'Redeem points', description: 'Take points from a member; returns the reference a reversal needs' },
			{ name: 'Reverse', value: 'reverse', action: 'Reverse a redemption', description: 'Give back the points of a redemption' },
		],
		'redeem',
	),
];
