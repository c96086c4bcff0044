import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import createBatch from './createBatch';
import getBatchStatus from './getBatchStatus';
import getMany from './getMany';

export default defineResource({
	value: 'transaction',
	name: 'Transaction',
	description: 'Purchases and reversals that earn or take back points',
	defaultOperation: 'create',
	operations: [create, createBatch, getBatchStatus, getMany],
});
