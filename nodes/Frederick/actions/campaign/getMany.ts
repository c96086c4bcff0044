import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { frederickList, PATHS, simplifyField } from '../../transport';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many campaigns',
	description: 'List campaigns',
	kind: 'read',
	fields: [simplifyField, ...returnAllFields()],
	async execute(i) {
		return await frederickList(this, i, PATHS.campaigns, {}, limitOf(this, i));
	},
});
