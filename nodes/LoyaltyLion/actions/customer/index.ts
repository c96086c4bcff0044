import { defineResource } from '../../../shared/execution/operation';
import get from './get';
import getMany from './getMany';
import getTransactions from './getTransactions';
import update from './update';

export default defineResource({
	value: 'customer',
	name: 'Customer',
	description: 'Loyalty program members',
	defaultOperation: 'getMany',
	operations: [get, getMany, getTransactions, update],
});
