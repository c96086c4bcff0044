// Frederick's options, records and simulator state.
import type { z } from 'zod';
import type { TokenStore } from '../../tokens.cjs';
import type { campaignSchema } from './schemas.cjs';

export const NAME = 'frederick';
export const JSONAPI = 'application/vnd.api+json';

export const DEFAULTS = {
	apiKey: 'fred-demo-api-key',
	clients: [{ clientId: 'fred-demo-client', clientSecret: 'fred-demo-secret' }],
	owners: [{ email: 'owner@salon.example', password: 'demo-password', locationId: 'loc_1' }],
	contacts: 1050,
	maxPageSize: 100,
	/** a batch sync with more records than this answers 202 and runs as a job */
	asyncThreshold: 5,
	/** polls a job takes before it completes */
	jobPolls: 2,
	/** Retry-After (seconds) on a job poll that is still running; 0 sends none */
	jobRetryAfter: 0,
	/** data source names Frederick issued to this integration */
	dataSourceNames: ['n8n-demo'],
};

export type Options = typeof DEFAULTS;

export const SYNC_KINDS = {
	service_categories: {
		path: 'service_categories/batch_sync_service_categories',
		type: 'service_categories',
	},
	services: { path: 'services/batch_sync_services', type: 'services' },
	appointments: { path: 'appointments/batch_sync_appointments', type: 'appointments' },
	contact_details: { path: 'contact_details/batch_create_or_update', type: 'contact_details' },
	calendars: { path: 'calendars/batch_sync_calendars', type: 'calendars' },
	vehicles: { path: 'vehicles/batch_create_or_update', type: 'vehicles' },
	openings: { path: 'openings/batch_sync_openings', type: 'openings' },
};

export interface Location {
	id: string;
	name: string;
	time_zone: string;
	business_category: string;
	management_system: null | { data_source_name: string; sync_status: string; updated_at: string };
}

export interface Contact {
	id: string;
	name?: string;
	first_name: string | null;
	last_name: string | null;
	email: string | null;
	phone: string | null;
	properties?: { external_id?: string };
	location_id: string;
	created_at: string;
	updated_at: string;
}

export interface ContactList {
	id: string;
	name: string;
	contact_count: number;
}

export type Campaign = z.infer<typeof campaignSchema> & {
	id: string;
	status: string;
	location_id: string;
	created_at: string;
};

/** A background job: polled until it is complete (then `run` has made `result`) or in error. */
export interface Job {
	id: string;
	locationId: string;
	status: 'queued' | 'processing' | 'complete' | 'error';
	polls: number;
	run: () => unknown;
	result: unknown;
	fail?: { field: string; reasons: unknown[] };
}

/** One record of a sync batch: its attributes, with external_id or Frederick's id. */
export interface SyncRecord {
	external_id?: string;
	id?: string | number;
	[attribute: string]: unknown;
}

/** What a location token stands for. */
export interface LocationSubject {
	locationId: string;
	email: string;
}

export interface State {
	options: Options;
	userTokens: TokenStore;
	locationTokens: TokenStore;
	apiKey: string;
	locations: Map<string, Location>;
	contacts: Map<string, Contact>;
	contactLists: ContactList[];
	campaigns: Campaign[];
	/** synced records per location and kind, keyed by external_id (or "id:<Frederick id>") */
	synced: Map<string, Map<string, SyncRecord>>;
	syncRuns: { location: string; data_source_name: string; sync_status: string }[];
	jobs: Map<string, Job>;
}

/** The state a simulator starts with: two locations, seeded contacts (numbered from `seq.contact`). */
export function createState(
	options: Options,
	userTokens: TokenStore,
	locationTokens: TokenStore,
	seq: { contact: number },
): State {
	const state: State = {
		options,
		userTokens,
		locationTokens,
		apiKey: options.apiKey,
		locations: new Map([
			[
				'loc_1',
				{
					id: 'loc_1',
					name: 'Downtown Salon',
					time_zone: 'America/New_York',
					business_category: 'salon',
					management_system: null,
				},
			],
			[
				'loc_2',
				{
					id: 'loc_2',
					name: 'Uptown Spa',
					time_zone: 'America/Chicago',
					business_category: 'spa',
					management_system: null,
				},
			],
		]),
		contacts: new Map(),
		contactLists: [
			{ id: 'cl_1', name: 'All clients', contact_count: options.contacts },
			{ id: 'cl_2', name: 'Lapsed 90 days', contact_count: 120 },
		],
		campaigns: [],
		/** synced records per location and kind, keyed by external_id (or "id:<Frederick id>") */
		synced: new Map(),
		syncRuns: [],
		jobs: new Map(),
	};
	for (let i = 1; i <= options.contacts; i++) {
		const id = `ct_${seq.contact++}`;
		state.contacts.set(id, {
			id,
			first_name: `Client${i}`,
			last_name: 'Example',
			email: `client${i}@example.com`,
			phone: null,
			location_id: 'loc_1',
			created_at: new Date(Date.UTC(2025, 0, 1) + i * 3600000).toISOString(),
			updated_at: new Date(Date.UTC(2025, 0, 1) + i * 3600000).toISOString(),
		});
	}
	return state;
}
