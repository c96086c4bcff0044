import { defineActions } from '../../shared/execution/operation';
import activity from './activity';
import customer from './customer';
import emailUnsubscribe from './emailUnsubscribe';
import identity from './identity';
import order from './order';
import points from './points';
import reward from './reward';
import site from './site';
import transaction from './transaction';

export const actions = defineActions(
	[activity, customer, emailUnsubscribe, identity, order, points, reward, site, transaction],
	'customer',
);
