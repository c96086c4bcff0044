import { defineActions } from '../../shared/execution/operation';
import activity from './activity';
import company from './company';
import contact from './contact';
import list from './list';

// Resources in the order the node has always listed their operations and fields.
export const actions = defineActions([contact, company, list, activity], 'contact');
