import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, shape, simplifyField, v2 } from '../../transport';
import { locationIdField } from '../fields';

export default defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a location',
	description: v2('Get a location by ID'),
	kind: 'read',
	fields: [simplifyField, locationIdField],
	async execute(i) {
		const id = new Validator(this, i).id('locationId', 'Location ID');
		return shape(this, i, (await frederickRequest(this, i, 'GET', PATHS.location(id))).body.data);
	},
});
