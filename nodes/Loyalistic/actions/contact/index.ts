import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import deleteContact from './delete';
import findByEmail from './findByEmail';
import get from './get';
import getMany from './getMany';
import update from './update';

export default defineResource({
	value: 'contact',
	name: 'Contact',
	description: 'People in your marketing database',
	defaultOperation: 'create',
	operations: [create, deleteContact, findByEmail, get, getMany, update],
});
