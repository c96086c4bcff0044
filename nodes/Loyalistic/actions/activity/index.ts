import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import getMany from './getMany';

export default defineResource({
	value: 'activity',
	name: 'Activity',
	description: 'Activities and events recorded for contacts',
	defaultOperation: 'create',
	operations: [create, getMany],
});
