import { defineResource } from '../../../shared/execution/operation';
import checkPaths from './checkPaths';

export default defineResource({
	value: 'account',
	name: 'Account',
	description: "Your Loyalistic account's API",
	defaultOperation: 'checkPaths',
	operations: [checkPaths],
});
