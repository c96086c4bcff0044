import { defineActions } from '../../shared/execution/operation';
import activity from './activity';
import customer from './customer';
import identity from './identity';
import order from './order';
import points from './points';
import reward from './reward';
import transaction from './transaction';

export const actions = defineActions(
	[activity, customer, identity, order, points, reward, transaction],
	'customer',
);
