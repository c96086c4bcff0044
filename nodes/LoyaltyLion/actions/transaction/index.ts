import { defineResource } from '../../../shared/execution/operation';
import getMany from './getMany';

export default defineResource({
	value: 'transaction',
	name: 'Transaction',
	description: 'Points history',
	defaultOperation: 'getMany',
	operations: [getMany],
});
