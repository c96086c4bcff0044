import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IPollFunctions,
} from 'n8n-workflow';
import { buildPath } from '../shared/http/path';
import { credentialSettings } from '../shared/http/per-execution';
import { apiRequest } from '../shared/http/request';
import type { ApiResponse, Provider } from '../shared/http/types';

export const CREDENTIAL_TYPE = 'cardlyticsOAuth2Api';

const ENVIRONMENTS: Record<string, string> = {
	production: 'https://api.cardlytics.com',
	sandbox: 'https://api-sandbox.cardlytics.com',
};

/** Every Cardlytics path the node calls, in one place. */
export const PATHS = {
	merchant: (merchantId: string) =>
		buildPath('/api/v1/partner/merchants/{external_merchant_id}', {
			external_merchant_id: merchantId,
		}),
	offer: (merchantId: string, offerId: string) =>
		buildPath('/api/v1/partner/merchants/{external_merchant_id}/offers/{external_offer_id}', {
			external_merchant_id: merchantId,
			external_offer_id: offerId,
		}),
	reports: (merchantId: string) =>
		buildPath('/api/v1/partner/merchants/{external_merchant_id}/reports', {
			external_merchant_id: merchantId,
		}),
	redemptions: '/api/v1/partner/redemptions',
};

export const cardlytics: Provider = {
	name: 'Cardlytics',
	credentialType: CREDENTIAL_TYPE,
	oauth2: true,
	// No request-id header: X-CDLX-Request-Id belongs to Cardlytics' Publisher/Ads APIs, not to the Partner
	// API; a write's own trace is the 202 answer's trace_id.
	// Error bodies are not public: a message, error_description or error is read when there is one.
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as IDataObject;
			const message = (b.message ?? b.error_description ?? b.error) as string | undefined;
			return {
				message: message ? String(message) : undefined,
				code: b.error ? String(b.error) : undefined,
			};
		}
		if (typeof body === 'string') {
			const xml = /<Message>([^<]*)<\/Message>/.exec(body);
			return { message: xml ? xml[1] : body.slice(0, 300) };
		}
		return {};
	},
	hints: {
		403: "Cardlytics refused access. If Cardlytics has IP allow-listing on for your client, this n8n host's IP may not be on the list; also check that the client has the API scopes for this call. For a pre-signed redemption link, the link may have expired (they last 60 minutes): get a new one.",
	},
};

const baseOf = credentialSettings((credentials) => {
	const environment = String(credentials.environment ?? 'production');
	const base =
		environment === 'custom' ? String(credentials.customBaseUrl ?? '') : ENVIRONMENTS[environment];
	return (base ?? ENVIRONMENTS.production).replace(/\/+$/, '');
});

/** The API base for this execution's credential, read once per execution (not per item). */
export async function baseUrl(ctx: IExecuteFunctions | IPollFunctions): Promise<string> {
	return await baseOf(ctx, CREDENTIAL_TYPE);
}

export async function cardlyticsRequest<T = IDataObject>(
	ctx: IExecuteFunctions | IPollFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; idempotent?: boolean } = {},
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, cardlytics, {
		method,
		url: (await baseUrl(ctx)) + path,
		itemIndex,
		...options,
	});
}

/**
 * GETs a pre-signed link (a redemption file) as a Buffer. The link is pre-signed: its signature is the
 * authorisation, so no bearer token is sent with it.
 */
export async function cardlyticsPresignedDownload(
	ctx: IExecuteFunctions | IPollFunctions,
	itemIndex: number,
	url: string,
): Promise<ApiResponse<Buffer>> {
	return await apiRequest<Buffer>(ctx, cardlytics, {
		method: 'GET',
		url,
		binary: true,
		unauthenticated: true,
		itemIndex,
	});
}
