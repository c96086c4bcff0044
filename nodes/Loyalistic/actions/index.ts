import { defineActions } from '../../shared/execution/operation';
import account from './account';
import activity from './activity';
import company from './company';
import contact from './contact';
import list from './list';

// Resources in the order the node has always listed their operations and fields (Account, added later, last).
export const actions = defineActions([contact, company, list, activity, account], 'contact');
