import { defineResource } from '../../../shared/execution/operation';
import batchSync from './batchSync';
import finish from './finish';
import start from './start';

export default defineResource({
	value: 'sync',
	name: 'Sync',
	description: 'Data sync from your management system',
	defaultOperation: 'batchSync',
	operations: [batchSync, finish, start],
});
