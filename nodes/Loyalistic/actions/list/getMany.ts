import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { CALLS, PATHS, assumed, loyalisticList } from '../../transport';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many lists',
	description: assumed('List lists and segments'),
	kind: 'read',
	fields: [...returnAllFields()],
	async execute(i) {
		return await loyalisticList(this, i, CALLS.listGetMany, PATHS.lists, {}, limitOf(this, i));
	},
});
