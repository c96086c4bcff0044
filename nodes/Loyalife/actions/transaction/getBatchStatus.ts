import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { pollBatch } from './batchStatus';

// transactions/poll-batch-status: the batch's summary (total, success, failed, pending, on_hold,
// partial_hold) and one result per transaction (request_id, status, points, message, error).
export default defineOperation({
	value: 'getBatchStatus',
	name: 'Get Batch Status',
	action: 'Get the status of a transaction batch',
	description: 'How far Loyalife got with a batch from Create Batch, per transaction',
	kind: 'read',
	fields: [
		{
			displayName: 'Batch ID',
			name: 'batchId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. abc_1759321530_123',
			description: 'The batch_id in the output of Create Batch',
		},
	],
	async execute(i) {
		return { ...(await pollBatch(this, i, new Validator(this, i).string('batchId', 'Batch ID'))) };
	},
});
