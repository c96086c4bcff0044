import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { frederickRequest, PATHS, shape } from '../../transport';
import { locationIdField } from '../fields';

export const description: INodeProperties[] = fieldsFor('location', 'get', [locationIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = new Validator(this, i).id('locationId', 'Location ID');
	return shape(this, i, (await frederickRequest(this, i, 'GET', PATHS.location(id))).body.data);
}
