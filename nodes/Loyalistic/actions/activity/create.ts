import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { CALLS, PATHS, assumed, loyalisticRequest } from '../../transport';
import { contactIdField, idOf } from '../fields';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Record an activity',
	description: assumed('Record an activity for a contact'),
	kind: 'write',
	records: ['contactId'],
	fields: [
		contactIdField,
		{
			displayName: 'Activity Type',
			name: 'type',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. webinar_attended',
			description: 'Kind of activity, e.g. webinar_attended (field name and values assumed)',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					placeholder: 'e.g. Attended the spring webinar',
					default: '',
				},
				{
					displayName: 'Occurred At',
					name: 'occurredAt',
					type: 'dateTime',
					default: '',
					description: 'When it happened (defaults to now)',
				},
				{
					displayName: 'Properties (JSON)',
					name: 'properties',
					type: 'json',
					default: '{}',
					description: 'Extra details as a JSON object',
				},
			],
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const contactId = idOf(this, i, 'contactId', 'Contact ID');
		const type = v.string('type', 'Activity Type');
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { type };
		if (extra.description) body.description = extra.description;
		if (extra.occurredAt)
			body.occurredAt = v.dateTimeValue(extra.occurredAt, 'Additional Fields → Occurred At');
		if (extra.properties) {
			const properties = v.json(
				'additionalFields.properties',
				'Additional Fields → Properties (JSON)',
			);
			if (properties && Object.keys(properties).length) body.properties = properties as IDataObject;
		}
		// Recording an activity is not idempotent: a 5xx is not retried, so no activity is recorded twice.
		return (
			await loyalisticRequest(
				this,
				i,
				CALLS.activityCreate.method,
				PATHS.contactActivities(contactId),
				{ body },
			)
		).body;
	},
});
