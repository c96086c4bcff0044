import { limitOf, returnAllFields } from '../../../shared/descriptions/list';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickList, PATHS, simplifyField, v2 } from '../../transport';
import { locationIdField } from '../fields';

export default defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many campaigns',
	description: v2('List the campaigns of a location'),
	kind: 'read',
	fields: [locationIdField, simplifyField, ...returnAllFields()],
	async execute(i) {
		const locationId = new Validator(this, i).id('locationId', 'Location ID');
		return await frederickList(this, i, PATHS.campaigns(locationId), {}, limitOf(this, i));
	},
});
