import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberLocator } from '../fields';

export const description: INodeProperties[] = fieldsFor('points', 'redeem', [
	memberLocator(),
	{ displayName: 'Points', name: 'points', type: 'number', required: true, default: 0, typeOptions: { minValue: 1 }, description: 'Whole number of points to redeem' },
	{ displayName: 'Description', name: 'description', type: 'string', placeholder: 'e.g. Coffee at the airport lounge', default: '', description: 'Why the points are redeemed (shown in the statement)' },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const body: IDataObject = {
		member_relation_reference: v.string('relationReference', 'Member Relation Reference'),
		points: v.number('points', 'Points', { min: 1, integer: true }),
	};
	const text = v.optionalString('description', 'Description');
	if (text) body.description = text;
	// Not retried after a 5xx: a repeated redemption would take the points twice. The answer's
	// ExternalReference is what Reverse needs.
	return (await loyalifeRequest(this, i, 'POST', PATHS.redeemPoints, { body })).data;
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['relationReference'];
