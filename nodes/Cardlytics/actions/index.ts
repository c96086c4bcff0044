import { defineActions } from '../../shared/execution/operation';
import merchant from './merchant';
import offer from './offer';
import redemption from './redemption';
import report from './report';

export const actions = defineActions([merchant, offer, redemption, report], 'merchant');
