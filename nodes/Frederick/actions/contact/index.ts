import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import deleteContact from './delete';
import get from './get';
import getMany from './getMany';
import update from './update';

export default defineResource({
	value: 'contact',
	name: 'Contact',
	description: 'Clients of the location',
	defaultOperation: 'create',
	operations: [create, deleteContact, get, getMany, update],
});
