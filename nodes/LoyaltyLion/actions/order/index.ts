import { defineResource } from '../../../shared/execution/operation';
import cancel from './cancel';
import create from './create';
import get from './get';
import getMany from './getMany';
import refund from './refund';
import update from './update';

export default defineResource({
	value: 'order',
	name: 'Order',
	description: 'Orders that earn points',
	defaultOperation: 'create',
	operations: [cancel, create, get, getMany, refund, update],
});
