// Reading collections and date-times before anything is sent: empty fields left out, each error naming the
// field and the item.
import type { IDataObject } from 'n8n-workflow';
import { readCollection, Validator } from '../../nodes/shared/execution/validate';
import { routerContext } from './context';

describe('readCollection', () => {
	test('empty fields are left out; the others go through the item check into the body', () => {
		const ctx = routerContext([
			{ extra: { name: ' Ada ', blank: '', none: null, zero: 0, off: false, email: 'x@y.io' } },
		]);
		const seen: string[] = [];
		const body = readCollection(ctx, 0, 'extra', (key, value, v, out) => {
			seen.push(key);
			if (key === 'email') out.email = v.emailValue(value, 'Extra → Email');
			else out[key] = typeof value === 'string' ? value.trim() : value;
		});
		expect(seen).toEqual(['name', 'zero', 'off', 'email']);
		expect(body).toEqual({ name: 'Ada', zero: 0, off: false, email: 'x@y.io' });
	});

	test('a field the check refuses fails the item, naming the field', () => {
		const ctx = routerContext([{}, { extra: { email: 'not-an-address' } }]);
		expect(() =>
			readCollection(ctx, 1, 'extra', (key, value, v) => {
				v.emailValue(value, `Extra → ${key}`);
			}),
		).toThrow('Extra → email must be an email address');
	});

	test('a collection not set at all is an empty body', () => {
		expect(readCollection(routerContext([{}]), 0, 'extra', () => undefined)).toEqual({});
	});
});

describe('Validator.dateTimeValue', () => {
	const v = new Validator(routerContext([{}, {}]), 1);

	test('any form Date reads, as ISO 8601 in UTC', () => {
		expect(v.dateTimeValue('2026-11-01T12:00:00+02:00', 'Since')).toBe('2026-11-01T10:00:00.000Z');
		expect(v.dateTimeValue('2026-11-01', 'Since')).toBe('2026-11-01T00:00:00.000Z');
	});

	test('anything else fails naming the field, the value and the item', () => {
		expect(() => v.dateTimeValue('next tuesday', 'Filters → Since')).toThrow(
			'Filters → Since must be a date-time, got "next tuesday" (item 1)',
		);
		expect(() => v.dateTimeValue({} as IDataObject, 'Send At')).toThrow(
			/Send At must be a date-time/,
		);
	});
});
