import { earliestReportDay } from '../../nodes/Cardlytics/actions/report/getMerchantPerformance';

// api-performance-reporting: a report may not reach further back than 2 years.
describe('Cardlytics report look-back', () => {
	test('the same day two years back', () => {
		expect(earliestReportDay(new Date('2026-07-15T23:59:00Z'))).toBe('2024-07-15');
		expect(earliestReportDay(new Date('2026-01-01T00:00:00Z'))).toBe('2024-01-01');
	});

	test('on Feb 29 it is Feb 28 two years back, not Mar 1 (one day too strict)', () => {
		expect(earliestReportDay(new Date('2028-02-29T12:00:00Z'))).toBe('2026-02-28');
	});

	test('around Feb 29 two years back: the days before and after are themselves', () => {
		expect(earliestReportDay(new Date('2026-02-28T12:00:00Z'))).toBe('2024-02-28');
		expect(earliestReportDay(new Date('2026-03-01T00:00:00Z'))).toBe('2024-03-01');
	});
});
