import { csvRecords, csvText } from '../../nodes/shared/formats/csv';

describe('CSV records and text (RFC 4180)', () => {
	test('quoted cells keep commas, quotes and line breaks; blank lines are no records; CRLF ends a record', () => {
		const text = 'id,note\r\n1,"a, b"\n\n2,"say ""hi""\nthere"\n3,\n';
		expect(csvRecords(text)).toEqual([
			['id', 'note'],
			['1', 'a, b'],
			['2', 'say "hi"\nthere'],
			['3', ''],
		]);
	});

	test('text quotes only the cells that need it, and reads back to the same records', () => {
		const records = [
			['id', 'note'],
			['1', 'plain'],
			['2', 'a, "b"\nc'],
		];
		const text = csvText(records);
		expect(text).toBe('id,note\n1,plain\n2,"a, ""b""\nc"\n');
		expect(csvRecords(text)).toEqual(records);
	});
});
