import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import getMany from './getMany';
import update from './update';

export default defineResource({
	value: 'activity',
	name: 'Activity',
	description: 'Activities that trigger your program rules',
	defaultOperation: 'create',
	operations: [create, getMany, update],
});
