import { stillPending } from '../../nodes/Loyalife/actions/transaction/batchStatus';

describe('Loyalife batch polling: when a batch still has work pending', () => {
	test('summary.pending decides when the summary gives it', () => {
		expect(stillPending({ summary: { pending: 2 }, results: [] })).toBe(true);
		expect(stillPending({ summary: { pending: 0 }, results: [{ status: 'PENDING' }] })).toBe(false);
	});

	test('without a summary, a PENDING result keeps the poll going; none stops it', () => {
		expect(stillPending({ results: [{ status: 'SUCCESS' }, { status: 'PENDING' }] })).toBe(true);
		expect(stillPending({ results: [{ status: 'SUCCESS' }, { status: 'ON HOLD' }] })).toBe(false);
		expect(stillPending({})).toBe(false);
	});
});
