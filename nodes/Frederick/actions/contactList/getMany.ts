import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { frederickList, PATHS, simplifyField } from '../../transport';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contact lists',
	description: 'List contact lists',
	kind: 'read',
	fields: [simplifyField, ...returnAllFields()],
	async execute(i) {
		return await frederickList(this, i, PATHS.contactLists, {}, limitOf(this, i));
	},
});
