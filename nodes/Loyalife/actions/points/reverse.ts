import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyalifeRequest, PATHS } from '../../transport';

export const description: INodeProperties[] = fieldsFor('points', 'reverse', [
	{
		displayName: 'External Reference',
		name: 'externalReference',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'RDM-1A2B3C',
		description: 'The ExternalReference returned by Redeem',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const external_reference = new Validator(this, i).string('externalReference', 'External Reference');
	// A reversal can happen only once (a second one is refused), so retrying it is safe.
	return (await loyalifeRequest(this, i, 'POST', PATHS.reverseRedemption, { body: { external_reference }, idempotent: true })).data;
}

/** Items naming the same record run one after the other, in input order (shared/router.ts). */
export const orderedBy = ['externalReference'];
