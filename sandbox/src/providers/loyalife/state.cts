// The shape of one simulator instance's state (tests read it through the instance's `state`).
import type { z } from 'zod';
import type { TokenStore } from '../../tokens.cjs';
import type { Options } from './program.cjs';
import type { insertV2ItemSchema } from './schemas.cjs';

/** What a token carries: its client, the client's program, and the member a LOGIN scope binds it to. */
interface Subject {
	clientId: string;
	programId: string;
	member?: string;
}

interface Client {
	clientId: string;
	clientSecret: string;
	programId: string;
}

/** A member's attributes as create-profile takes them (the seed passes the same). */
interface MemberInput {
	relation_reference: string;
	full_name?: string;
	email_id?: string;
	mobile_number?: string;
	status?: string;
	gender?: string;
	dob?: string;
	address?: string;
	city?: string;
	preferred_store?: string;
}

interface Member {
	Id: number;
	RelationReference: string;
	FullName: string | null;
	Email: string | null;
	MobileNumber: string | null;
	DOB: string | null;
	Gender: string | null;
	Address: string | null;
	Status: number;
	IsAccountActivated: boolean;
	TierName: string;
	EnrollmentDate: string;
	ActivatedDate: string | null;
	LastLoggedIn: string | null;
	IsAccrualAllowed: boolean;
	CustomerSegment: string;
	Custom: { city: string | null; preferred_store: string | null };
	PasswordHash: string | null;
	LoginAttempt: number;
	ForceChangePassword: boolean;
}

/** A ledger entry (see State.transactions). */
interface Entry {
	Id: number;
	RelationReference: string;
	TransactionId?: string;
	TransactionType: string;
	Amount?: number;
	ProductCode?: string;
	SubProductCode?: string | null;
	/** signed: negative takes points away */
	Points: number;
	Narration: string;
	TransactionDate: string;
	ProcessingDate: string;
	ExpiryDate: string | null;
	ExternalReference: string;
	AdditionalDetail: string;
	LoyaltyTxnType: number;
	MerchantName: string | null;
	IsActive: boolean;
	BlockedPoints: number;
	Listed: boolean;
}

/** What addEntry takes: the member, the type and the date; the rest has defaults. */
type EntryInput = Pick<Entry, 'RelationReference' | 'TransactionType' | 'TransactionDate'> &
	Partial<Entry>;

/** A transaction as #11 takes it (#12 items and the seed too; type in either case). */
interface TransactionInput {
	transaction_id: string;
	amount: number;
	transaction_date: string;
	product_code: string;
	member_relation_reference: string;
	sub_product_code?: string;
	transaction_type: string;
}

/** An earning's points as the account simulation follows them until they expire. */
interface Bucket {
	expiry: string;
	accrued: number;
	blocked: number;
	remaining: number;
	redeemed: number;
	expired: number;
	done: boolean;
}

interface Otp {
	RelationReference: string;
	Email: string | null;
	UniquerefID: string;
	OtpType: string;
	OTP: number;
	by: 'RelationReference' | 'Email';
	createdAt: number;
	expiresAt: number;
	used: boolean;
	attempts: number;
	verifiedAt?: number;
}

type BatchItemStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'ON HOLD' | 'PARTIAL HOLD';

/** One queued #12 item. */
interface BatchItem {
	request_id: string;
	input: z.infer<typeof insertV2ItemSchema>;
	status: BatchItemStatus;
	member_relation_reference: string;
	transaction_id: string;
	transaction_type: string;
	points?: number;
	message?: string;
	error?: string;
}

interface Batch {
	batch_id: string;
	programId: string;
	polls: number;
	items: BatchItem[];
}

interface Redemption {
	ExternalReference: string;
	RelationReference: string;
	MerchantName: string;
	Points: number;
	Amount: number;
	LoyaltyTxnType: number;
	Reversed: boolean;
	entry: Entry;
	reversal?: Entry;
}

interface State {
	options: Options;
	tokens: TokenStore<Subject>;
	clients: Client[];
	/** members by RelationReference */
	members: Map<string, Member>;
	/**
	 * The ledger, every member, in insertion order: earn (DR) and reversal (CR) transactions, bonuses,
	 * redemptions and reversals of redemptions.
	 */
	transactions: Entry[];
	transactionIds: Set<string>;
	idempotency: Map<string, BatchItem>;
	redemptions: Map<string, Redemption>;
	batches: Map<string, Batch>;
	otps: Otp[];
	issuedScopes: (string | null)[];
}

export type {
	Batch,
	BatchItem,
	BatchItemStatus,
	Bucket,
	Client,
	Entry,
	EntryInput,
	Member,
	MemberInput,
	Otp,
	Redemption,
	State,
	Subject,
	TransactionInput,
};
