import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import get from './get';
import getMany from './getMany';
import update from './update';

export default defineResource({
	value: 'company',
	name: 'Company',
	description: 'Companies (accounts) contacts belong to',
	defaultOperation: 'create',
	operations: [create, get, getMany, update],
});
