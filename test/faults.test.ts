// The fault matrix (fault-matrix.ts) for LoyaltyLion and Loyalife, with the cases that are no one
// provider's; faults-more.test.ts runs it for the others, at the same time.
import { faultMatrix } from './fault-matrix';

faultMatrix({ providers: ['loyaltylion', 'loyalife'], general: true });
