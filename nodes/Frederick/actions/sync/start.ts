import { defineOperation } from '../../../shared/execution/operation';
import { simplifyField } from '../../transport';
import { locationIdField } from '../fields';
import { markSync } from './run';

export default defineOperation({
	value: 'start',
	name: 'Start',
	action: 'Start a sync run',
	description:
		'Tell Frederick a sync run of your data source starts (path from syncing-data; field names and values assumed)',
	kind: 'write',
	records: ['locationId'],
	fields: [simplifyField, locationIdField],
	async execute(i) {
		return await markSync(this, i, 'started');
	},
});
