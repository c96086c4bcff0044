import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberLocator } from '../fields';

export const description: INodeProperties[] = fieldsFor('points', 'getExpirySchedule', [memberLocator()]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const ref = new Validator(this, i).string('relationReference', 'Member Relation Reference');
	const { data } = await loyalifeRequest<IDataObject[]>(this, i, 'GET', PATHS.expirySchedule, { qs: { pstrRelationReference: ref }, program: true });
	return (Array.isArray(data) ? data : []).map((row) => ({ memberRelationReference: ref, ...row }));
}
