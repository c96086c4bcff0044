// The instance state: members, the points ledger (balances and expiry), and the seeded demo program.
import { TokenStore } from '../../tokens.cjs';
import { PRODUCT_CODES } from './program.cjs';
import { stamp, toMs, plusMonths, uuid, md5 } from './util.cjs';
import type { ProviderApi } from '../../types.cjs';
import type { Options } from './program.cjs';
import type {
	Bucket,
	Entry,
	EntryInput,
	Member,
	MemberInput,
	State,
	Subject,
	TransactionInput,
} from './state.cjs';

function createLedger(api: ProviderApi, options: Options) {
	const tokens = new TokenStore<Subject>({
		lifetimeSeconds: options.tokenLifetimeSeconds,
		prefix: '',
		onIssue: api.secret,
	});
	const state: State = {
		options,
		tokens,
		clients: options.clients.map((c) => ({ ...c })),
		/** members by RelationReference */
		members: new Map(),
		/**
		 * The ledger, every member, in insertion order: earn (DR) and reversal (CR) transactions, bonuses,
		 * redemptions and reversals of redemptions. Internal fields besides the answered ones: TransactionId
		 * (the client's transaction_id), TransactionType ('DR' | 'CR' | 'BONUS' | 'REDEEM' | 'REDEEM_REVERSAL';
		 * #14 answers the integer 1), Amount, ProductCode, SubProductCode, BlockedPoints (held), Listed.
		 */
		transactions: [],
		/** transaction_id of every transaction inserted (#11, and #12 once processed) */
		transactionIds: new Set(),
		/** _xoxo_api_client_idempotency -> the queued item it created (never recorded twice) */
		idempotency: new Map(),
		/** ExternalReference (upper case) -> {RelationReference, MerchantName, Points, Amount, ..., Reversed} */
		redemptions: new Map(),
		/** batch_id -> {batch_id, programId, polls, items[]} */
		batches: new Map(),
		/** OTPs sent, newest last: {RelationReference, Email, OtpType, OTP (integer), used, attempts, ...} */
		otps: [],
		/** scopes of issued tokens (the member, or null), for tests */
		issuedScopes: [],
	};
	/** The simulator's today for the ledger (dates, expiry); option `clock` (() => ms), default the real clock. */
	const clock = (): number => (options.clock ? Number(options.clock()) : Date.now());
	let memberSeq = 1;
	let txnSeq = 1;

	const addMember = (m: MemberInput, extra: Partial<Member> = {}) => {
		const status = Number(m.status ?? '5');
		const now = stamp(clock());
		const member: Member = {
			Id: memberSeq++,
			RelationReference: m.relation_reference,
			FullName: m.full_name ?? null,
			Email: m.email_id ?? null,
			MobileNumber: m.mobile_number ?? null,
			DOB: m.dob ? `${m.dob}T00:00:00` : null,
			Gender: m.gender ?? null,
			Address: m.address ?? null,
			Status: status,
			IsAccountActivated: status === 1,
			TierName: 'Silver',
			EnrollmentDate: now,
			ActivatedDate: status === 1 ? now : null,
			LastLoggedIn: null,
			IsAccrualAllowed: true,
			CustomerSegment: 'DEFAULT',
			Custom: { city: m.city ?? null, preferred_store: m.preferred_store ?? null },
			PasswordHash: null as string | null,
			LoginAttempt: 0,
			ForceChangePassword: false,
			...extra,
		};
		state.members.set(member.RelationReference, member);
		return member;
	};
	/** A ledger entry. Points signed (negative takes points away). */
	const addEntry = (e: EntryInput) => {
		const entry: Entry = {
			Id: txnSeq++,
			Points: 0,
			Narration: '',
			ProcessingDate: stamp(clock()),
			ExpiryDate: null as string | null,
			ExternalReference: uuid(),
			AdditionalDetail: '',
			LoyaltyTxnType: 2,
			MerchantName: null,
			IsActive: true,
			BlockedPoints: 0,
			Listed: true,
			...e,
		};
		if (entry.ExpiryDate === null && entry.Points + entry.BlockedPoints > 0)
			entry.ExpiryDate = plusMonths(entry.TransactionDate, 12);
		state.transactions.push(entry);
		return entry;
	};
	const ruleEnginePoints = (amount: number) => Math.floor(amount / 10);
	/** The Rule Engine applied to one transaction (#11 fields, type in either case). */
	const recordTransaction = (t: TransactionInput, awarded?: number, blocked = 0) => {
		const type = t.transaction_type.toUpperCase();
		const points = awarded ?? ruleEnginePoints(t.amount);
		const date =
			t.transaction_date.length === 10 ? `${t.transaction_date}T00:00:00` : t.transaction_date;
		const entry = addEntry({
			RelationReference: t.member_relation_reference,
			TransactionId: t.transaction_id,
			TransactionType: type,
			Amount: t.amount,
			ProductCode: t.product_code,
			SubProductCode: t.sub_product_code ?? null,
			Points: type === 'DR' ? points : -points,
			BlockedPoints: type === 'DR' ? blocked : 0,
			// An item held in full is not in the ledger until released (assumed).
			Listed: !(points === 0 && blocked > 0),
			LoyaltyTxnType: type === 'DR' ? 2 : 1,
			Narration: type === 'DR' ? `Purchase ${t.product_code}` : `Reversal ${t.product_code}`,
			TransactionDate: date,
			AdditionalDetail: `transaction ${t.transaction_id}`,
			MerchantName: t.product_code,
		});
		state.transactionIds.add(t.transaction_id);
		return entry;
	};

	/**
	 * The member's points, simulated in time order: earnings are buckets expiring 12 months after their date,
	 * deductions take the oldest live points first (a shortfall is carried as a debt paid by later earnings).
	 * Returns the balance, the buckets (for the expiry schedule) and the points expired so far.
	 */
	// Earnings count from their TransactionDate; deductions from when they were processed (a back-dated CR
	// takes live points, not points that have expired since; assumed).
	const effective = (e: Entry) => (e.Points < 0 ? e.ProcessingDate : e.TransactionDate);
	const accountOf = (ref: string, now = clock()) => {
		const entries = state.transactions
			.filter((t) => t.RelationReference === ref)
			.slice()
			.sort((a, b) => effective(a).localeCompare(effective(b)) || a.Id - b.Id);
		const buckets: Bucket[] = [];
		let debt = 0;
		let expired = 0;
		const expireUntil = (ms: number) => {
			for (const b of buckets)
				if (!b.done && toMs(b.expiry) <= ms) {
					b.expired = b.remaining;
					expired += b.remaining;
					b.remaining = 0;
					b.done = true;
				}
		};
		for (const e of entries) {
			const at = toMs(effective(e));
			expireUntil(at);
			if (e.Points > 0 || e.BlockedPoints > 0) {
				let pts = Math.max(0, e.Points);
				const paid = Math.min(debt, pts);
				debt -= paid;
				pts -= paid;
				buckets.push({
					// an earning always has its expiry: addEntry sets it
					expiry: e.ExpiryDate as string,
					accrued: Math.max(0, e.Points),
					blocked: e.BlockedPoints,
					remaining: pts,
					redeemed: paid,
					expired: 0,
					done: false,
				});
			}
			if (e.Points < 0) {
				let need = -e.Points;
				for (const b of buckets) {
					if (need === 0) break;
					const take = Math.min(b.remaining, need);
					b.remaining -= take;
					b.redeemed += take;
					need -= take;
				}
				debt += need;
			}
		}
		expireUntil(now);
		const balance = buckets.reduce((n, b) => n + b.remaining, 0) - debt;
		return { balance, buckets, expired, entries };
	};
	const pointsOf = (ref: string) => accountOf(ref).balance;
	const memberNumber = (ref: string) => {
		const m = /^MEM(\d{4})$/.exec(ref);
		return m ? Number(m[1]) : undefined;
	};
	/** The MD5 hex the demo member's password hashes to (what #6 expects in Password). */
	const passwordHashOf = (ref: string) => state.members.get(ref)?.PasswordHash ?? undefined;

	// ---- seed ----------------------------------------------------------------------------------------------
	// Ledgers spread over 2025-01-01 .. 2026-11-30: a referral bonus first, every 5th a CR reversal, the rest
	// DR purchases on the configured product codes.
	const SEED_START = Date.UTC(2025, 0, 1);
	const SEED_DAYS = 698;
	for (let i = 1; i <= options.members; i++) {
		const ref = `MEM${String(i).padStart(4, '0')}`;
		const status = i === 24 ? '5' : i === 25 ? '2' : '1';
		const member = addMember(
			{
				relation_reference: ref,
				full_name: `Member ${i}`,
				email_id: `member${i}@example.com`,
				mobile_number: `+9198765000${String(i).padStart(2, '0')}`,
				status,
				gender: ['M', 'F', 'O'][i % 3],
				dob: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
				address: `${i} Main Street, Mumbai`,
				city: 'Mumbai',
			},
			{
				EnrollmentDate: '2024-12-01T10:00:00',
				ActivatedDate: status === '1' ? '2024-12-02T10:00:00' : null,
				TierName: ['Silver', 'Gold', 'Platinum'][i % 3],
				PasswordHash: md5(`Passw0rd!${i}`),
			},
		);
		for (let k = 0; k < options.transactionsPerMember; k++) {
			const offset = Math.floor(((k + 0.5) * SEED_DAYS) / options.transactionsPerMember);
			const date = stamp(
				SEED_START + ((offset + i * 3) % SEED_DAYS) * 86400000 + 36000000 + i * 60000,
			);
			if (k === 0) {
				addEntry({
					RelationReference: ref,
					TransactionId: `SEED-${i}-${k}`,
					TransactionType: 'BONUS',
					Points: 100,
					Narration: 'Referral Bonus',
					TransactionDate: date,
					ProcessingDate: date,
					AdditionalDetail: 'Referral campaign',
					LoyaltyTxnType: 2,
					MerchantName: 'Loyalife',
				});
				continue;
			}
			const entry = recordTransaction({
				transaction_id: `SEED-${i}-${k}`,
				amount: 100 + ((i * k * 137) % 2900),
				transaction_date: date,
				product_code: PRODUCT_CODES[k % 3],
				member_relation_reference: ref,
				transaction_type: k % 5 === 4 ? 'CR' : 'DR',
			});
			entry.ProcessingDate = date;
		}
		void member;
	}

	return {
		tokens,
		state,
		clock,
		addMember,
		addEntry,
		ruleEnginePoints,
		recordTransaction,
		accountOf,
		pointsOf,
		memberNumber,
		passwordHashOf,
	};
}

type Ledger = ReturnType<typeof createLedger>;

export { createLedger };
export type { Ledger };
