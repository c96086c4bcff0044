import { defineOperation } from '../../../shared/execution/operation';
import { simplifyField } from '../../transport';
import { locationIdField } from '../fields';
import { markSync } from './run';

export default defineOperation({
	value: 'start',
	name: 'Start',
	action: 'Start a sync run',
	description:
		"Tell Frederick a sync run of your data source starts (path from syncing-data; field names and values assumed); Frederick asks for a daily sync between 9 am and 7 pm in the business's time zone (texts are not delivered 9 PM to 9 AM)",
	kind: 'write',
	records: ['locationId'],
	fields: [simplifyField, locationIdField],
	async execute(i) {
		return await markSync(this, i, 'started');
	},
});
