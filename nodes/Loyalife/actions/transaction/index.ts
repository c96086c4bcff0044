import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import createBatch from './createBatch';
import getSummary from './getSummary';

export default defineResource({
	value: 'transaction',
	name: 'Transaction',
	description: 'Transactions that earn or reverse points',
	defaultOperation: 'create',
	operations: [create, createBatch, getSummary],
});
