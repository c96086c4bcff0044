import { defineResource } from '../../../shared/execution/operation';
import checkCredentials from './checkCredentials';
import create from './create';
import get from './get';
import getProfile from './getProfile';
import update from './update';

export default defineResource({
	value: 'member',
	name: 'Member',
	description: 'Members of your loyalty program',
	defaultOperation: 'create',
	operations: [create, getProfile, get, update, checkCredentials],
});
