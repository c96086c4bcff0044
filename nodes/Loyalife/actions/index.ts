import { defineActions } from '../../shared/execution/operation';
import member from './member';
import points from './points';
import transaction from './transaction';

export const actions = defineActions([member, transaction, points], 'member');
