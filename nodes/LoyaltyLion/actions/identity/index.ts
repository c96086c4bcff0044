import { defineResource } from '../../../shared/execution/operation';
import whoami from './whoami';

export default defineResource({
	value: 'identity',
	name: 'Identity',
	description: 'The account, program and scopes of the credential',
	defaultOperation: 'whoami',
	operations: [whoami],
});
