/** The records of a CSV text (RFC 4180 quoting: a quoted cell may hold commas, quotes and line breaks). */
export function csvRecords(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let cell = '';
	let quoted = false;
	for (let c = 0; c < text.length; c++) {
		const ch = text[c];
		if (quoted) {
			if (ch === '"' && text[c + 1] === '"') {
				cell += '"';
				c++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			record.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[c + 1] === '\n') c++;
			record.push(cell);
			records.push(record);
			record = [];
			cell = '';
		} else cell += ch;
	}
	record.push(cell);
	records.push(record);
	// Blank lines carry no record.
	return records.filter((r) => r.length > 1 || r[0].trim() !== '');
}

/** CSV text of records, a cell quoted only when it holds a comma, a quote or a line break (RFC 4180). */
export function csvText(records: string[][]): string {
	const cell = (value: string) =>
		/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
	return records.map((record) => record.map(cell).join(',') + '\n').join('');
}
