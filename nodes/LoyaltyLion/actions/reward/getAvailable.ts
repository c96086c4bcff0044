import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';
import { customerIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('reward', 'getAvailable', [customerIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = new Validator(this, i).id('merchantId', 'Customer ID in Your Store');
	const { body } = await loyaltyLionRequest(this, i, 'GET', PATHS.availableRewards(id));
	return ((body.rewards as IDataObject[] | undefined) ?? []).map((reward) => ({ merchantId: id, ...reward }));
}
