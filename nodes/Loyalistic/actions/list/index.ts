import { defineResource } from '../../../shared/execution/operation';
import addContacts from './addContacts';
import getMany from './getMany';
import removeContact from './removeContact';

export default defineResource({
	value: 'list',
	name: 'List',
	description: 'Static lists and (assumed) computed segments',
	defaultOperation: 'getMany',
	operations: [addContacts, getMany, removeContact],
});
