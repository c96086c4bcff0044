import type { INodeProperties } from 'n8n-workflow';

/**
 * The ceiling of the adaptive request rate, for providers that publish no rate limit (nodes/shared/flow/flow.ts).
 * Its default is DEFAULT_MAX_RATE there.
 */
export const maxRequestsPerSecondField: INodeProperties = {
	displayName: 'Max Requests per Second',
	name: 'maxRequestsPerSecond',
	type: 'number',
	default: 100,
	typeOptions: { minValue: 1 },
	description:
		'The most requests per second the nodes send with this credential. Below it they find the provider\'s limit themselves: they start at 10 per second, speed up while answers are clean, and slow down when the provider answers "too many requests". Lower it to leave room for other systems that use the same account.',
};
