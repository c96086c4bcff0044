import { defineResource } from '../../../shared/execution/operation';
import create from './create';
import getMany from './getMany';

export default defineResource({
	value: 'emailUnsubscribe',
	name: 'Email Unsubscribe',
	description: 'Email addresses that receive no LoyaltyLion emails',
	defaultOperation: 'getMany',
	operations: [create, getMany],
});
