import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { limitOf, returnAllFields } from '../../../shared/pagination';
import { fieldsFor } from '../../../shared/router';
import { simplified, simplifyProperty } from '../../../shared/simplify';
import { Validator } from '../../../shared/validate';
import { loyalisticList, PATHS } from '../../transport';
import { CONTACT_SIMPLE } from '../fields';

export const description: INodeProperties[] = [
	...returnAllFields('contact', 'getMany'),
	...fieldsFor('contact', 'getMany', [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '', description: 'Only contacts changed at or after this time' },
			],
		},
	]),
	simplifyProperty('contact', ['getMany']),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.updatedSince) {
		const date = new Date(String(filters.updatedSince));
		if (Number.isNaN(date.getTime())) new Validator(this, i).fail('Filters → Updated Since', `must be a date-time, got "${String(filters.updatedSince)}"`);
		qs.updatedSince = date.toISOString();
	}
	return simplified(this, i, await loyalisticList(this, i, PATHS.contacts, qs, limitOf(this, i)), CONTACT_SIMPLE);
}
