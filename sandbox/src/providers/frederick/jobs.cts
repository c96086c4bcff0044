// Background jobs of a location: polled until complete (a redirect to the result) or in error.
import type { Frederick } from './helpers.cjs';
import { V2 } from './sources.cjs';
import { JSONAPI } from './state.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/locations/:locationId/background_jobs/:id': `${V2}; the job URL shape of the client's parser spec`,
	'GET /v2/locations/:locationId/background_jobs/:id/result': `${V2}; where a complete job's 303 leads (the path is the simulator's)`,
};

export function register(p: Frederick) {
	const { route } = p.api;
	const { state, options, flags, authorize, locationFor, jobUrl, jobDoc, err, json } = p;
	// Background jobs of a location
	route('GET', '/v2/locations/:locationId/background_jobs/:id', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const job = state.jobs.get(ctx.params.id);
		if (!job || job.locationId !== location.id)
			throw err(404, 'Not Found', `Background job ${ctx.params.id} not found`);
		job.polls++;
		if (job.status === 'queued' || job.status === 'processing') {
			if (job.polls >= options.jobPolls) {
				if (job.fail) job.status = 'error';
				else {
					job.result = job.run();
					job.status = 'complete';
				}
			} else job.status = 'processing';
		}
		// A complete job with no redirect is itself the result, "a successful job that does not return a
		// resource" in Frederick's client (github.com/HireFrederick/frederick_api_gem).
		if (job.status === 'complete' && flags.completeWithoutResult)
			return json(200, jobDoc(ctx, job, { status: 'complete' }));
		if (job.status === 'complete') {
			const url = `${jobUrl(ctx, location.id, job.id)}/result`;
			return {
				status: flags.resultStatus,
				headers: {
					Location: flags.resultOrigin ? url.replace(/^https?:\/\/[^/]+/, flags.resultOrigin) : url,
				},
			};
		}
		if (job.status === 'error')
			return json(200, jobDoc(ctx, job, { status: 'error', [job.fail!.field]: job.fail!.reasons }));
		return {
			status: 200,
			body: jobDoc(ctx, job, { status: job.status }),
			headers: {
				'Content-Type': JSONAPI,
				...(options.jobRetryAfter ? { 'Retry-After': String(options.jobRetryAfter) } : {}),
			},
		};
	});
	route('GET', '/v2/locations/:locationId/background_jobs/:id/result', (ctx) => {
		const location = locationFor(ctx, authorize(ctx));
		const job = state.jobs.get(ctx.params.id);
		if (!job || job.locationId !== location.id || job.status !== 'complete')
			throw err(404, 'Not Found', `No result for background job ${ctx.params.id}`);
		return json(200, job.result);
	});
}
