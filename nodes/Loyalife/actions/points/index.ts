import { defineResource } from '../../../shared/execution/operation';
import getBalance from './getBalance';
import getExpirySchedule from './getExpirySchedule';
import getStatement from './getStatement';
import redeem from './redeem';
import reverse from './reverse';

export default defineResource({
	value: 'points',
	name: 'Points',
	description: "A member's points: balance, statement, expiry, redemption and its reversal",
	defaultOperation: 'getBalance',
	operations: [getBalance, getStatement, getExpirySchedule, redeem, reverse],
});
