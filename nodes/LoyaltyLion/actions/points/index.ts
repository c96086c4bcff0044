import { defineResource } from '../../../shared/execution/operation';
import add from './add';
import remove from './remove';

export default defineResource({
	value: 'points',
	name: 'Point',
	description: 'Add or remove points',
	defaultOperation: 'add',
	operations: [add, remove],
});
