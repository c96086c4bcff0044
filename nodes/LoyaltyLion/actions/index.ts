import type { INodeProperties } from 'n8n-workflow';
import { operationProperty, type ResourceMap } from '../../shared/router';
import * as activityCreate from './activity/create';
import * as activityGetMany from './activity/getMany';
import * as customerGet from './customer/get';
import * as customerGetMany from './customer/getMany';
import * as customerUpdate from './customer/update';
import * as orderCancel from './order/cancel';
import * as orderCreate from './order/create';
import * as orderRefund from './order/refund';
import * as orderUpdate from './order/update';
import * as pointsAdd from './points/add';
import * as pointsRemove from './points/remove';
import * as rewardClaim from './reward/claim';
import * as rewardGetAvailable from './reward/getAvailable';
import * as rewardRefund from './reward/refund';
import * as transactionGetMany from './transaction/getMany';

export const resources: ResourceMap = {
	customer: { get: customerGet, getMany: customerGetMany, update: customerUpdate },
	points: { add: pointsAdd, remove: pointsRemove },
	reward: { claim: rewardClaim, getAvailable: rewardGetAvailable, refund: rewardRefund },
	order: { cancel: orderCancel, create: orderCreate, refund: orderRefund, update: orderUpdate },
	activity: { create: activityCreate, getMany: activityGetMany },
	transaction: { getMany: transactionGetMany },
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Activity', value: 'activity', description: 'Activities that trigger your program rules' },
		{ name: 'Customer', value: 'customer', description: 'Loyalty program members' },
		{ name: 'Order', value: 'order', description: 'Orders that earn points' },
		{ name: 'Point', value: 'points', description: 'Add or remove points' },
		{ name: 'Reward', value: 'reward', description: 'Rewards customers can claim with points' },
		{ name: 'Transaction', value: 'transaction', description: 'Points history' },
	],
	default: 'customer',
};

export const operationProperties: INodeProperties[] = [
	operationProperty(
		'customer',
		[
			{ name: 'Get', value: 'get', action: 'Get a customer', description: 'Get a customer by their ID in your store' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many customers', description: 'List customers, newest first, following the cursor' },
			{ name: 'Update', value: 'update', action: 'Update a customer', description: 'Change birthday or blocked status' },
		],
		'getMany',
	),
	operationProperty(
		'points',
		[
			{ name: 'Add', value: 'add', action: 'Add points to a customer', description: 'Give a customer points' },
			{ name: 'Remove', value: 'remove', action: 'Remove points from a customer', description: 'Take approved points from a customer' },
		],
		'add',
	),
	operationProperty(
		'reward',
		[
			{ name: 'Claim', value: 'claim', action: 'Claim a reward', description: "Spend a customer's points on a reward" },
			{ name: 'Get Available', value: 'getAvailable', action: 'Get available rewards', description: 'Rewards the customer can afford now' },
			{ name: 'Refund Claimed', value: 'refund', action: 'Refund a claimed reward', description: 'Give back the points of a claimed reward' },
		],
		'getAvailable',
	),
	operationProperty(
		'order',
		[
			{ name: 'Cancel', value: 'cancel', action: 'Cancel an order', description: 'Mark an order cancelled (its points are taken back); a full update with its current payment and refund state' },
			{ name: 'Create', value: 'create', action: 'Create an order', description: 'Send an order so the customer earns points' },
			{ name: 'Refund', value: 'refund', action: 'Refund an order', description: 'Record a full or partial refund; a full update with its current payment and cancellation state' },
			{ name: 'Update', value: 'update', action: 'Update an order', description: 'Send the order\'s current payment, refund and cancellation state (a full update)' },
		],
		'create',
	),
	operationProperty(
		'activity',
		[
			{ name: 'Create', value: 'create', action: 'Create an activity', description: 'Record an activity for a customer' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many activities', description: 'List activities, following the cursor' },
		],
		'create',
	),
	operationProperty('transaction', [{ name: 'Get Many', value: 'getMany', action: 'Get many transactions', description: 'List points transactions, following the cursor' }], 'getMany'),
];
