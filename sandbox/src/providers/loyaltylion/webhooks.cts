// LoyaltyLion simulator: webhook subscriptions.
import { z } from 'zod';
import { TOPIC_SCOPES, TOPICS, R } from './program.cjs';
import type { Lion } from './context.cjs';
import type { Webhook } from './model.cjs';

export const SOURCES: Record<string, string> = {
	'GET /v2/webhooks': `${R}webhooks/list-webhooks`,
	'POST /v2/webhooks': `${R}webhooks/create-webhook`,
	'DELETE /v2/webhooks/:id':
		'assumed: not public (https://developers.loyaltylion.com/api-reference/v2/webhooks/overview says the API can remove subscriptions; no page gives the method and path)',
};

export function register(ll: Lion) {
	const {
		route,
		options,
		state,
		seq,
		nowIso,
		apiError,
		authenticate,
		covers,
		refuseScope,
		fail400,
		validate,
		readQuery,
	} = ll;
	const webhookView = ({ owner, secret, ...w }: Webhook) => w;
	// webhooks/list-webhooks: no parameters; an OAuth client sees only its own subscriptions, API-key (and
	// token & secret) webhooks are never shown to OAuth clients (webhooks overview).
	route('GET', '/v2/webhooks', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const mine = [...state.webhooks.values()].filter((w) => w.owner === who.owner).map(webhookView);
		return { status: 200, body: { webhooks: mine } };
	});
	// webhooks/create-webhook: {webhook: {topic (the 17 subscribable topics), address, service_integration_id?}};
	// 201 {webhook}. Open to every credential, but its scopes must cover the topic (api-reference/authentication/api-keys; each topic's page names its scope).
	route('POST', '/v2/webhooks', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const body = validate(
			z
				.object({
					webhook: z
						.object({
							topic: z.string(),
							// should start with https:// (http is accepted for local receivers)
							address: z.string().url('must be a full URL such as https://example.com/hooks'),
							service_integration_id: z
								.number()
								.int('must be a whole number')
								.nullable()
								.optional(),
						})
						.strict(),
				})
				.strict(),
			ctx.body,
		);
		const { topic } = body.webhook;
		if (topic === 'rewards/store_fulfilment')
			throw fail400({
				'webhook.topic':
					'rewards/store_fulfilment cannot be subscribed through the API: LoyaltyLion manages it from the custom reward in the admin',
			});
		if (!TOPIC_SCOPES[topic])
			throw fail400({
				'webhook.topic': `must be one of ${TOPICS.join(', ')}; got ${JSON.stringify(topic)}`,
			});
		for (const scope of TOPIC_SCOPES[topic])
			if (!covers(who, scope))
				refuseScope(
					who,
					scope,
					`Webhooks for ${topic} require the ${TOPIC_SCOPES[topic].join(' and ')} scope${TOPIC_SCOPES[topic].length > 1 ? 's' : ''}; the ${who.noun} was not granted ${scope}`,
				);
		const now = nowIso();
		const client =
			who.kind === 'oauth_token'
				? options.oauthClients.find((c) => c.clientId === who.clientId)
				: undefined;
		const secret = client
			? client.clientSecret
			: who.kind === 'token_secret'
				? who.store.secret
				: options.siteSecret;
		const webhook = {
			id: seq.webhook++,
			topic,
			address: body.webhook.address,
			created_at: now,
			updated_at: now,
			service_integration_id:
				body.webhook.service_integration_id ?? client?.serviceIntegrationId ?? null,
		};
		state.webhooks.set(webhook.id, { ...webhook, owner: who.owner, secret });
		return { status: 201, body: { webhook } };
	});
	// assumed: not public (method and path of removing a subscription): 204, 404 when not the caller's.
	route('DELETE', '/v2/webhooks/:id', (ctx) => {
		const who = authenticate(ctx);
		readQuery(ctx, {});
		const webhook = state.webhooks.get(Number(ctx.params.id));
		if (!webhook || webhook.owner !== who.owner)
			throw apiError(404, `Webhook ${ctx.params.id} not found`);
		state.webhooks.delete(webhook.id);
		return { status: 204 };
	});
}
