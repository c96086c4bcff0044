import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeRequest, PATHS } from '../../transport';
import { memberLocator, memberOptionalFields } from '../fields';
import { memberBody } from './body';

export const description: INodeProperties[] = fieldsFor('member', 'update', [
	memberLocator(),
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: memberOptionalFields },
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const v = new Validator(this, i);
	const relation_reference = v.string('relationReference', 'Member Relation Reference');
	const changes = v.changes(memberBody(this, i, 'updateFields', 'Update Fields'));
	// Setting fields to given values: repeating it has the same effect, so it is safe to retry.
	return (await loyalifeRequest(this, i, 'POST', PATHS.updateMember, { body: { relation_reference, ...changes }, program: true, idempotent: true })).data;
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['relationReference'];
