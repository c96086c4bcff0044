// The fault matrix (fault-matrix.ts) for Loyalistic, Frederick and Cardlytics; faults.test.ts runs it
// for the others, at the same time.
import { faultMatrix } from './fault-matrix';

faultMatrix({ providers: ['loyalistic', 'frederick', 'cardlytics'], general: false });
