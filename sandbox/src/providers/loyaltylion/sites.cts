// LoyaltyLion simulator: sites and WebView sessions.
import { z } from 'zod';
import { R } from './program.cjs';
import type { Lion } from './context.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/sites': `${R}sites/list-sites`,
	'POST /v2/sites/:siteId/webviews/sessions': `${R}sites/create-webview-session`,
};

export function register(ll: Lion) {
	const {
		route,
		randomId,
		options,
		program,
		sites,
		siteById,
		apiError,
		authenticate,
		covers,
		refuseScope,
		fail400,
		validate,
		readQuery,
	} = ll;
	// sites/list-sites: {sites}, newest first; not callable with token & secret (the 403 is assumed).
	route('GET', '/v2/sites', (ctx) => {
		const who = authenticate(ctx);
		if (who.kind === 'token_secret')
			throw apiError(
				403,
				'GET /v2/sites cannot be called with token and secret authentication: use an API key or an OAuth token',
				{ authentication: 'token and secret is not accepted by this endpoint' },
			);
		readQuery(ctx, {});
		const list = [...sites]
			.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
			.map((s) => ({
				id: s.id,
				program_id: program.id,
				account_id: program.accountId,
				name: s.name,
				url: s.url,
				platform: s.platform,
				currencies: [...s.currencies],
				languages: [...s.languages],
				created_at: s.created_at,
				updated_at: s.updated_at,
			}));
		return { status: 200, body: { sites: list } };
	});
	// sites/create-webview-session: write_customers; channel required (letters, digits, dots, underscores, at
	// least 2); language, currency optional; customer {merchant_id, email} optional; 201 {webview_session:
	// {url, expires_at}}; 100 requests per second. 404 for an unknown site, the URL and the 15-minute lifetime
	// are assumed: not public.
	route('POST', '/v2/sites/:siteId/webviews/sessions', (ctx) => {
		const who = authenticate(ctx, {
			name: 'webview',
			perSecond: options.webviewRateLimitPerSecond,
		});
		if (!covers(who, 'write_customers')) refuseScope(who, 'write_customers');
		readQuery(ctx, {});
		// The path's site_id is an integer (sites/create-webview-session).
		if (!/^\d+$/.test(ctx.params.siteId))
			throw fail400({ site_id: `must be a site's integer id, got "${ctx.params.siteId}"` });
		const site = siteById.get(Number(ctx.params.siteId));
		if (!site) throw apiError(404, `Site ${ctx.params.siteId} not found`);
		const body = validate(
			z
				.object({
					channel: z
						.string()
						.regex(
							/^[A-Za-z0-9._]{2,}$/,
							'must be at least 2 characters of letters, digits, dots and underscores',
						),
					language: z.string().optional(),
					currency: z.string().optional(),
					customer: z
						.object({
							merchant_id: z.string().min(1, 'must not be empty'),
							email: z.string().email('must be an e-mail address'),
						})
						.strict()
						.optional(),
				})
				.strict(),
			ctx.body,
		);
		const language =
			body.language && site.languages.includes(body.language.toLowerCase())
				? body.language.toLowerCase()
				: site.languages[0];
		const currency =
			body.currency && site.currencies.includes(body.currency.toLowerCase())
				? body.currency.toLowerCase()
				: site.currencies[0];
		const token = randomId('wv_', 16);
		const url = `${site.url}/apps/loyaltylion/webview?session=${token}&channel=${encodeURIComponent(body.channel)}&lang=${language}&currency=${currency}${body.customer ? `&customer=${encodeURIComponent(body.customer.merchant_id)}` : ''}`;
		return {
			status: 201,
			body: {
				webview_session: { url, expires_at: new Date(Date.now() + 15 * 60_000).toISOString() },
			},
		};
	});
}
