import { defineResource } from '../../../shared/execution/operation';
import getExpirySchedule from './getExpirySchedule';
import redeem from './redeem';
import reverse from './reverse';

export default defineResource({
	value: 'points',
	name: 'Point',
	description: 'Redemptions, reversals and expiry',
	defaultOperation: 'redeem',
	operations: [getExpirySchedule, redeem, reverse],
});
