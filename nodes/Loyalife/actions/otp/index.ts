import { defineResource } from '../../../shared/execution/operation';
import generate from './generate';
import verify from './verify';

export default defineResource({
	value: 'otp',
	name: 'One-Time Password',
	description: 'One-time codes sent to members, for login, activation and confirmations',
	defaultOperation: 'generate',
	operations: [generate, verify],
});
