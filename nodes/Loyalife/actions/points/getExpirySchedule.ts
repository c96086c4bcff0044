import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberLocator } from '../fields';

export default defineOperation({
	value: 'getExpirySchedule',
	name: 'Get Expiry Schedule',
	action: 'Get the points expiry schedule',
	description: "When the member's points expire",
	kind: 'read',
	fields: [memberLocator()],
	async execute(i) {
		const ref = new Validator(this, i).string('relationReference', 'Member Relation Reference');
		const { data } = await loyalifeRequest<IDataObject[]>(this, i, 'GET', PATHS.expirySchedule, {
			qs: { pstrRelationReference: ref },
			program: true,
		});
		return (Array.isArray(data) ? data : []).map((row) => ({
			memberRelationReference: ref,
			...row,
		}));
	},
});
