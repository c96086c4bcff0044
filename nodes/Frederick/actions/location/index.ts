import { defineResource } from '../../../shared/execution/operation';
import get from './get';
import getMany from './getMany';

export default defineResource({
	value: 'location',
	name: 'Location',
	description: 'Business locations',
	defaultOperation: 'getMany',
	operations: [get, getMany],
});
