import { defineResource } from '../../../shared/execution/operation';
import claim from './claim';
import getAvailable from './getAvailable';
import refund from './refund';

export default defineResource({
	value: 'reward',
	name: 'Reward',
	description: 'Rewards customers can claim with points',
	defaultOperation: 'getAvailable',
	operations: [claim, getAvailable, refund],
});
