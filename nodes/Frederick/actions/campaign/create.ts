import type { IDataObject } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { locatorValue } from '../../../shared/descriptions/locator';
import { Validator } from '../../../shared/execution/validate';
import { frederickRequest, PATHS, shape, simplifyField, v2 } from '../../transport';
import { contactListIdField, locationIdField } from '../fields';

export default defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a campaign',
	description: v2(
		'Create a campaign in a location (attribute names and draft/scheduled behaviour assumed)',
	),
	kind: 'write',
	fields: [
		locationIdField,
		simplifyField,
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Spring offer',
			required: true,
			default: '',
			description: 'Internal name of the campaign (attribute name assumed)',
		},
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'options',
			options: [
				{ name: 'Email', value: 'email' },
				{ name: 'SMS', value: 'sms' },
			],
			default: 'email',
			description:
				'Whether the campaign is sent by email or text message (attribute name and values assumed)',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Body',
					name: 'body',
					type: 'string',
					placeholder: 'e.g. Spring is here: book your next visit',
					typeOptions: { rows: 4 },
					default: '',
					description: 'Message text (attribute name assumed)',
				},
				contactListIdField,
				{
					displayName: 'Send At',
					name: 'send_at',
					type: 'dateTime',
					default: '',
					description:
						'Schedule it; leave empty for a draft (attribute name and behaviour assumed)',
				},
				{
					displayName: 'Subject',
					name: 'subject',
					type: 'string',
					placeholder: 'e.g. Spring is here',
					default: '',
					description: 'Email subject (attribute name assumed)',
				},
			],
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const locationId = v.id('locationId', 'Location ID');
		const attributes: IDataObject = {
			name: v.string('name', 'Name'),
			channel: this.getNodeParameter('channel', i) as string,
		};
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		for (const [key, raw] of Object.entries(extra)) {
			const value = locatorValue(raw) as IDataObject[string];
			if (value === '' || value === undefined) continue;
			if (key === 'send_at')
				attributes.send_at = v.dateTimeValue(value, 'Additional Fields → Send At');
			else attributes[key] = value;
		}
		return shape(
			this,
			i,
			(
				await frederickRequest(this, i, 'POST', PATHS.campaigns(locationId), {
					body: { data: { type: 'campaigns', attributes } },
				})
			).body.data,
		);
	},
});
