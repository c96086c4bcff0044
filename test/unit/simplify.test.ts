import { pick } from '../../nodes/shared/descriptions/simplify';

describe('pick', () => {
	const fields: Array<string | [string, string]> = ['id', ['tier', 'loyalty_tier.name'], 'email'];

	test('keeps the listed fields, reads a dotted path, and leaves out what the record lacks', () => {
		const record = { id: 7, email: 'a@b.c', loyalty_tier: { name: 'Gold', id: 2 }, extra: true };
		expect(pick(record, fields)).toEqual({ id: 7, tier: 'Gold', email: 'a@b.c' });
		expect(pick({ id: 8, loyalty_tier: null }, fields)).toEqual({ id: 8 });
		expect(pick({ id: 9, loyalty_tier: 'flat' }, fields)).toEqual({ id: 9 });
	});

	test('the same field list gives the same answer on every record (its paths are split once)', () => {
		const records = Array.from({ length: 3 }, (_, n) => ({
			id: n,
			loyalty_tier: { name: `T${n}` },
		}));
		expect(records.map((r) => pick(r, fields))).toEqual([
			{ id: 0, tier: 'T0' },
			{ id: 1, tier: 'T1' },
			{ id: 2, tier: 'T2' },
		]);
	});
});
