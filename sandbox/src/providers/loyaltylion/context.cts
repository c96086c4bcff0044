// What the route modules share: one instance's store and the helpers built on it.
import type { Store } from './store.cjs';
import type { Views } from './views.cjs';
import type { Delivery } from './delivery.cjs';
import type { Records } from './records.cjs';
import type { Auth } from './auth.cjs';
import type { Validation } from './validation.cjs';
import type { Paging } from './paging.cjs';
import type { Lookups } from './lookups.cjs';
import type { TransactionLists } from './tx-lists.cjs';

export type Lion = Store &
	Views &
	Delivery &
	Records &
	Auth &
	Validation &
	Paging &
	Lookups &
	TransactionLists;
