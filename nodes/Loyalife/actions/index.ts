import { defineActions } from '../../shared/execution/operation';
import member from './member';
import otp from './otp';
import points from './points';
import transaction from './transaction';

export const actions = defineActions([member, otp, transaction, points], 'member');
