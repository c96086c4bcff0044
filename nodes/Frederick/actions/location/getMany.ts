import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { frederickList, PATHS, simplifyField, v2 } from '../../transport';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many locations',
	description: v2('List the locations the credential can reach'),
	kind: 'read',
	fields: [simplifyField, ...returnAllFields()],
	async execute(i) {
		return await frederickList(this, i, PATHS.locations, {}, limitOf(this, i));
	},
});
