import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import get from './get';
import update from './update';

export default defineResource({
	value: 'member',
	name: 'Member',
	description: 'Members of your loyalty program',
	defaultOperation: 'create',
	operations: [create, get, update],
});
