import { defineResource } from '../../../shared/execution/operation';
import getMany from './getMany';

export default defineResource({
	value: 'contactList',
	name: 'Contact List',
	description: 'Lists of contacts',
	defaultOperation: 'getMany',
	operations: [getMany],
});
