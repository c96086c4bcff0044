// Envelopes and dates shared by every route.
import * as crypto from 'node:crypto';

// ---- envelopes -------------------------------------------------------------------------------------------
const ok = (ReturnObject: unknown, Count = 0, ErrorCode = '000') => ({
	results: { IsSucessful: true, ErrorCode, ExceptionMessage: 'Success', ReturnObject, Count },
});
const failure = (ErrorCode: string, ExceptionMessage: string) => ({
	results: {
		IsSucessful: false,
		ErrorCode: String(ErrorCode),
		ExceptionMessage,
		ReturnObject: null,
		Count: 0,
	},
});

// ---- dates -----------------------------------------------------------------------------------------------
/** YYYY-MM-DDTHH:mm:ss (the reference's dates carry no zone) */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const toMs = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`);
const plusMonths = (s: string, months: number) => {
	const d = new Date(toMs(s));
	d.setUTCMonth(d.getUTCMonth() + months);
	return stamp(d.getTime());
};
const uuid = () => crypto.randomUUID().toUpperCase();
const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');

export { ok, failure, stamp, toMs, plusMonths, uuid, md5 };
