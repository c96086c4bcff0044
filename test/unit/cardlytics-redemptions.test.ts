import { parseRedemptionFile } from '../../nodes/Cardlytics/redemptions';
import { redemptionKey } from '../../nodes/Cardlytics/CardlyticsTrigger.node';

// The redemption file's format is not public: the trigger reads CSV with a header, JSON lines or a JSON list.
describe('Cardlytics redemption files', () => {
	const row = {
		transaction_id: 'tx-1',
		cardholder_id: 'ch-1',
		partner_merchant_id: 'm-1',
		partner_offer_id: 'o-1',
		partner_store_id: 's-1',
		partner_merchant_name: 'Tony, "the" Grill',
		card_type: null,
		card_last_four: null,
		transaction_amount: 12.5,
		transaction_timestamp: '2026-11-20T12:00:00Z',
	};

	test('CSV: quoted cells, empty cells as null, the amount as a number, a BOM and CRLF', () => {
		const csv =
			'\uFEFFtransaction_id,cardholder_id,partner_merchant_id,partner_offer_id,partner_store_id,partner_merchant_name,card_type,card_last_four,transaction_amount,transaction_timestamp\r\n' +
			'tx-1,ch-1,m-1,o-1,s-1,"Tony, ""the"" Grill",,,12.5,2026-11-20T12:00:00Z\r\n';
		expect(parseRedemptionFile(Buffer.from(csv))).toEqual([row]);
	});

	test('JSON lines and a JSON list give the rows as they are; an empty file no rows', () => {
		const lines = `${JSON.stringify(row)}\n${JSON.stringify({ ...row, transaction_id: 'tx-2' })}\n`;
		expect(parseRedemptionFile(lines).map((r) => r.transaction_id)).toEqual(['tx-1', 'tx-2']);
		expect(parseRedemptionFile(JSON.stringify([row]))).toEqual([row]);
		expect(parseRedemptionFile('\n')).toEqual([]);
	});

	test('a row is known by transaction and offer; without a transaction ID by all its fields', () => {
		expect(redemptionKey(row)).toBe('tx:tx-1/o-1');
		expect(redemptionKey({ ...row, partner_offer_id: 'o-2' })).not.toBe(redemptionKey(row));
		const anonymous = { ...row, transaction_id: null };
		expect(redemptionKey(anonymous)).toBe(redemptionKey({ ...anonymous }));
		expect(redemptionKey(anonymous)).not.toBe(
			redemptionKey({ ...anonymous, transaction_amount: 13 }),
		);
	});
});
