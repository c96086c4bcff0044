// Loyalistic's options, records and simulator state.
import type { TokenStore } from '../../tokens.cjs';

export const NAME = 'loyalistic';

export const DEFAULTS = {
	clients: [{ clientId: 'loyalistic-demo-client', clientSecret: 'loyalistic-demo-secret' }],
	tokenLifetimeSeconds: 600,
	contacts: 1234,
	companies: 40,
	maxPageSize: 100,
};

export type Options = typeof DEFAULTS;

export interface Client {
	clientId: string;
	clientSecret: string;
}

export interface Contact {
	id: number;
	email: string;
	firstName?: string;
	lastName?: string;
	phone: string | null;
	title: string | null;
	companyId: number | null;
	score: number;
	customFields: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

export interface Company {
	id: number;
	name: string;
	domain?: string;
	industry?: string;
	employees?: number;
	country?: string;
	createdAt: string;
	updatedAt: string;
}

export interface List {
	id: number;
	name: string;
	type: 'segment' | 'static';
	contactIds: Set<number>;
}

export interface Activity {
	id: number;
	contactId: number;
	type: string;
	occurredAt: string;
	description: string | null;
	properties: Record<string, unknown>;
	createdAt: string;
}

export interface State {
	options: Options;
	tokens: TokenStore;
	clients: Client[];
	contacts: Map<number, Contact>;
	companies: Map<number, Company>;
	lists: Map<number, List>;
	activities: Activity[];
	nextId: { contact: number; company: number; activity: number };
	/** issue/expiry times of every token, in order: for tests of "one token per lifetime" */
	tokenLog: { issuedAt: number; expiresAt: number }[];
	/** which Swagger document GET /v1/swagger/docs/v1 serves: 'matching', 'differing', or a document */
	swagger: unknown;
}

const FIRST = [
	'Ada',
	'Grace',
	'Alan',
	'Edsger',
	'Barbara',
	'Donald',
	'Frances',
	'Ken',
	'Margaret',
	'Linus',
];
const LAST = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Dijkstra',
	'Liskov',
	'Knuth',
	'Allen',
	'Thompson',
	'Hamilton',
	'Torvalds',
];

export function createState(options: Options, tokens: TokenStore): State {
	const state: State = {
		options,
		tokens,
		clients: options.clients.map((c) => ({ ...c })),
		contacts: new Map(),
		companies: new Map(),
		lists: new Map(),
		activities: [],
		nextId: { contact: 1, company: 1, activity: 1 },
		tokenLog: [],
		swagger: 'matching',
	};

	for (let i = 1; i <= options.companies; i++) {
		state.companies.set(i, {
			id: i,
			name: `Company ${i}`,
			domain: `company${i}.example`,
			industry: i % 2 ? 'Software' : 'Retail',
			employees: 10 * i,
			country: 'FI',
			createdAt: '2025-01-01T00:00:00Z',
			updatedAt: '2025-01-01T00:00:00Z',
		});
	}
	state.nextId.company = options.companies + 1;
	for (let i = 1; i <= options.contacts; i++) {
		const first = FIRST[i % FIRST.length];
		const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
		state.contacts.set(i, {
			id: i,
			email: `${first}.${last}.${i}@example.com`.toLowerCase(),
			firstName: first,
			lastName: last,
			phone: null,
			title: null,
			companyId: ((i - 1) % options.companies) + 1,
			score: (i * 37) % 100,
			customFields: {},
			createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60000).toISOString(),
			updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 60000).toISOString(),
		});
	}
	state.nextId.contact = options.contacts + 1;
	for (const [id, name] of [
		[1, 'Newsletter'],
		[2, 'Customers'],
		[3, 'Prospects'],
		[4, 'Event attendees'],
		[5, 'Churn risk'],
	] as const) {
		state.lists.set(id, { id, name, type: id === 5 ? 'segment' : 'static', contactIds: new Set() });
	}
	return state;
}
