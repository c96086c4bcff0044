import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import getMany from './getMany';

export default defineResource({
	value: 'campaign',
	name: 'Campaign',
	description: 'Email and SMS campaigns',
	defaultOperation: 'create',
	operations: [create, getMany],
});
