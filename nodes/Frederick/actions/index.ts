import { defineActions } from '../../shared/execution/operation';
import campaign from './campaign';
import contact from './contact';
import contactList from './contactList';
import location from './location';
import sync from './sync';

export const actions = defineActions([location, contact, contactList, campaign, sync], 'contact');
