import { defineOperation } from '../../../shared/execution/operation';
import { simplifyField } from '../../transport';
import { locationIdField } from '../fields';
import { markSync } from './run';

export default defineOperation({
	value: 'finish',
	name: 'Finish',
	action: 'Finish a sync run',
	description:
		'Tell Frederick the sync run of your data source has finished (path from syncing-data; field names and values assumed)',
	kind: 'write',
	records: ['locationId'],
	fields: [simplifyField, locationIdField],
	async execute(i) {
		return await markSync(this, i, 'finished');
	},
});
