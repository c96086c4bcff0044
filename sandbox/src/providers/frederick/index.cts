// Frederick simulator. From the public pages (developers.hirefrederick.com/api-docs/authentication and
// /syncing-data): x-api-key on every request; a user token from {email, password, client_id, client_secret},
// then a location token from the user token; tokens do not expire (they can be revoked here); the 8 sync
// methods under /locations/{location_id}/ with no /v2, records by external_id, never external_id and id both.
// V2 resources as Frederick's own client (github.com/HireFrederick/frederick_api_gem, V2 not released) sends
// them: JSON:API (application/vnd.api+json), location-scoped paths /v2/locations/{location_id}/..., dot-notation
// parameters (page.number, page.size, filter.email; page[number] is refused), contacts listed by POST with
// X-Request-Method: GET and a flat JSON body, background jobs (queued, processing, complete, error with
// messages/errors, Retry-After between polls, a 303 to the result). ASSUMED: the two token paths, the sync
// methods' method and body, and that a large sync batch answers as a background job.
import { TokenStore } from '../../tokens.cjs';
import type { ProviderApi } from '../../types.cjs';
import * as auth from './auth.cjs';
import * as campaigns from './campaigns.cjs';
import * as contacts from './contacts.cjs';
import { helpers } from './helpers.cjs';
import * as jobs from './jobs.cjs';
import * as locations from './locations.cjs';
import { DEFAULTS, NAME, SYNC_KINDS, createState, type Options } from './state.cjs';
import * as sync from './sync.cjs';

/**
 * Where each route comes from: the provider's reference page it was written from and validates as, a seed
 * document, or "assumed:" with the reason. The core refuses to register a route that is not listed here.
 */
export const SOURCES: Record<string, string> = {
	...auth.SOURCES,
	...locations.SOURCES,
	...contacts.SOURCES,
	...campaigns.SOURCES,
	...jobs.SOURCES,
	...sync.SOURCES,
};

function create(api: ProviderApi, userOptions: Partial<Options>) {
	const options: Options = { ...DEFAULTS, ...userOptions };
	const userTokens = new TokenStore({ lifetimeSeconds: 0, prefix: 'fu_', onIssue: api.secret });
	const locationTokens = new TokenStore({ lifetimeSeconds: 0, prefix: 'fl_', onIssue: api.secret });
	const seq = { contact: 1 };
	const state = createState(options, userTokens, locationTokens, seq);
	const p = helpers(api, state, seq);
	const { flags } = p;

	auth.register(p);
	locations.register(p);
	contacts.register(p);
	campaigns.register(p);
	jobs.register(p);
	sync.register(p);

	return {
		state,
		faultBody: (status: number) => ({
			errors: [
				{
					status: String(status),
					title: status === 429 ? 'Too Many Requests' : 'Internal Server Error',
				},
			],
		}),
		control: {
			revokeLocationTokens: () => ({ revoked: locationTokens.revokeAll() }),
			// A hostile or misconfigured API: links.next, links.self and Location name another origin.
			setLinkOrigin: ({ origin }: { origin?: string } = {}) => {
				flags.linkOrigin = origin || undefined;
				return { linkOrigin: flags.linkOrigin ?? null };
			},
			revokeAll: () => ({ revoked: locationTokens.revokeAll() + userTokens.revokeAll() }),
			/** The next `count` background jobs end in "error" with these reasons, in attributes[field]. */
			failJobs: ({
				count = 1,
				reasons = ['The job failed'],
				field = 'errors',
			}: { count?: number; reasons?: unknown[]; field?: 'errors' | 'messages' } = {}) => {
				flags.failJobs = { count, reasons, field };
				return { failJobs: flags.failJobs };
			},
			/**
			 * Retry-After on running job polls (0: none), polls a job takes, contact listings as jobs, the 303's
			 * origin, the redirect status of a complete job (303 unless set), a complete job with no redirect.
			 */
			setJobs: ({
				retryAfter,
				polls,
				listings,
				redirectOrigin,
				redirectStatus,
				noResult,
			}: {
				retryAfter?: unknown;
				polls?: unknown;
				listings?: unknown;
				redirectOrigin?: string;
				redirectStatus?: unknown;
				noResult?: unknown;
			} = {}) => {
				if (redirectOrigin !== undefined) flags.resultOrigin = redirectOrigin || undefined;
				if (redirectStatus !== undefined) flags.resultStatus = Number(redirectStatus) || 303;
				if (noResult !== undefined) flags.completeWithoutResult = Boolean(noResult);
				if (retryAfter !== undefined) options.jobRetryAfter = Number(retryAfter);
				if (polls !== undefined) options.jobPolls = Number(polls);
				if (listings !== undefined) flags.listingsAsJobs = Boolean(listings);
				return {
					retryAfter: options.jobRetryAfter,
					polls: options.jobPolls,
					listings: flags.listingsAsJobs,
					redirectStatus: flags.resultStatus,
					noResult: flags.completeWithoutResult,
				};
			},
			resetJobs: () => {
				flags.failJobs = null;
				flags.listingsAsJobs = false;
				flags.resultOrigin = undefined;
				flags.resultStatus = 303;
				flags.completeWithoutResult = false;
				options.jobRetryAfter = DEFAULTS.jobRetryAfter;
				options.jobPolls = userOptions?.jobPolls ?? DEFAULTS.jobPolls;
				return { ok: true };
			},
		},
	};
}

export { NAME as name, create, DEFAULTS, SYNC_KINDS };
