import { defineResource } from '../../../shared/execution/operation';
import getMerchantPerformance from './getMerchantPerformance';

export default defineResource({
	value: 'report',
	name: 'Report',
	description: 'Merchant performance reports',
	defaultOperation: 'getMerchantPerformance',
	operations: [getMerchantPerformance],
});
