// Cursors and decimal amounts.
const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A cursor's content (dynamic JSON), or undefined when the text is not one. */
const decodeCursor = (text: string): any => {
	try {
		return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
};

const MONEY = /^\d+(\.\d+)?$/;
const toCents = (s: string) => Math.round(Number(s) * 100);
const fromCents = (c: number) => (c / 100).toFixed(2);
// Amounts a request gives are decimal strings with any number of decimals (3 for KWD): they are added and
// compared exactly, in minor units at the most decimals any of them has (at least 2, as the examples show).
const decimalsOf = (s: string) => (String(s).split('.')[1] ?? '').length;
const scaleOf = (...amounts: string[]) => Math.max(2, ...amounts.map(decimalsOf));
const toMinor = (s: string, scale: number) => {
	const [whole, fraction = ''] = String(s).split('.');
	return (
		Number(whole || '0') * 10 ** scale + Number((fraction + '0'.repeat(scale)).slice(0, scale))
	);
};
const fromMinor = (minor: number, scale: number) => {
	const digits = String(minor).padStart(scale + 1, '0');
	return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
};
/** The sum of amounts, at the scale of those and of `others` (the order's amounts). */
const sumOf = (amounts: string[], ...others: string[]) => {
	const scale = scaleOf(...amounts, ...others);
	return fromMinor(
		amounts.reduce((n, a) => n + toMinor(a, scale), 0),
		scale,
	);
};

export {
	encodeCursor,
	decodeCursor,
	MONEY,
	toCents,
	fromCents,
	scaleOf,
	toMinor,
	fromMinor,
	sumOf,
};
