import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeRequest, PATHS } from '../../transport';

export const description: INodeProperties[] = fieldsFor('member', 'get', [
	{
		displayName: 'Find By',
		name: 'attributeName',
		type: 'options',
		options: [
			{ name: 'Email', value: 'Email' },
			{ name: 'Mobile Number', value: 'Mobile' },
			{ name: 'Relation Reference', value: 'RelationReference' },
		],
		default: 'RelationReference',
		description: 'Which unique attribute identifies the member',
	},
	{ displayName: 'Value', name: 'attributeValue', type: 'string', required: true, default: '', description: 'Value of that attribute' },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const qs = { pstrAttributeName: this.getNodeParameter('attributeName', i) as string, pstrAttributeValue: v.string('attributeValue', 'Value') };
	return (await loyalifeRequest(this, i, 'GET', PATHS.getMember, { qs, program: true })).data;
}
