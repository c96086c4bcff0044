import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { frederickRequest, PATHS, shape } from '../../transport';

export const description: INodeProperties[] = fieldsFor('campaign', 'create', [
	{ displayName: 'Name', name: 'name', type: 'string', placeholder: 'e.g. Spring offer', required: true, default: '', description: 'Internal name of the campaign' },
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms' },
		],
		default: 'email',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Body', name: 'body', type: 'string', placeholder: 'e.g. Spring is here: book your next visit', typeOptions: { rows: 4 }, default: '', description: 'Message text' },
			{ displayName: 'Contact List ID', name: 'contact_list_id', type: 'string', placeholder: 'e.g. cl_1', default: '', description: 'Who receives it' },
			{ displayName: 'Send At', name: 'send_at', type: 'dateTime', default: '', description: 'Schedule it (leave empty for a draft)' },
			{ displayName: 'Subject', name: 'subject', type: 'string', placeholder: 'e.g. Spring is here', default: '', description: 'Email subject' },
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const attributes: IDataObject = { name: v.string('name', 'Name'), channel: this.getNodeParameter('channel', i) as string };
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	for (const [key, value] of Object.entries(extra)) {
		if (value === '' || value === undefined) continue;
		if (key === 'send_at') {
			const date = new Date(String(value));
			if (Number.isNaN(date.getTime())) v.fail('Additional Fields → Send At', `must be a date-time, got "${String(value)}"`);
			attributes.send_at = date.toISOString();
		} else attributes[key] = value;
	}
	return shape(this, i, (await frederickRequest(this, i, 'POST', PATHS.campaigns, { body: { data: { type: 'campaigns', attributes } } })).body.data);
}
