import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { maxRequestsPerSecondField } from './maxRateField';
import { CredentialRefusedError } from '../nodes/shared/http/credential-error';

/** Path of the token endpoint under the base URL. */
export const LOYALIFE_SIGN_IN_PATH = '/lbms-ingress/oauth/api/Auth/Token';

interface TokenAnswer {
	results?: {
		token?: string;
		tokenExpiresOn?: string;
		IsSucessful?: boolean;
		ErrorCode?: string | number;
		ExceptionMessage?: string;
	};
}

export class LoyalifeApi implements ICredentialType {
	name = 'loyalifeApi';

	displayName = 'Loyalife API';

	documentationUrl = 'https://help-loyalife.xoxoday.com/api-reference';

	icon: Icon = { light: 'file:../icons/loyalife.svg', dark: 'file:../icons/loyalife.dark.svg' };

	properties: INodeProperties[] = [
		{
			// Filled by preAuthentication and stored by n8n. n8n calls preAuthentication only when this is empty or
			// a request was answered 401: it offers no hook to refresh at expiresOn, so the token is replaced on
			// Loyalife's 401 (which the reference allows as well as refreshing before expiry).
			displayName: 'Token',
			name: 'token',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Expires On',
			name: 'expiresOn',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://loyalife-api.xoxoday.in',
			required: true,
			description:
				'API host of your program, without a trailing slash. Staging hosts are given per program by Xoxoday.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'From Loyalife Admin → Configurations → Program Settings → API',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Regenerating it in Loyalife Admin invalidates every token issued before',
		},
		{
			displayName: 'Program ID',
			name: 'programId',
			type: 'string',
			default: '',
			required: true,
			description: 'Numeric ID of your loyalty program (sent as pintProgramId)',
		},
		{
			displayName: 'Member Relation Reference',
			name: 'memberReference',
			type: 'string',
			default: '',
			description:
				'Optional. Binds the token to one member (scope ["LOGIN","&lt;reference&gt;"]); what such a token may call is not public. Leave empty for a program-wide token.',
		},
		{
			displayName: 'Transaction Currency',
			name: 'transactionCurrency',
			type: 'string',
			default: 'DEFAULT',
			description:
				'Sent as TransactionCurrency on balance, statement, expiry, summary and redemption calls: DEFAULT unless your program uses a specific currency code',
		},
		{
			// RelationType (api-reference/introduction): 4 is a customer, the only value the reference documents.
			displayName: 'Relation Type',
			name: 'relationType',
			type: 'options',
			options: [
				{ name: 'Customer (4)', value: 4 },
				{ name: 'Other (Set Below)', value: 0 },
			],
			default: 4,
			description:
				'Sent as RelationType: Customer (4) is the value the reference uses in almost every call. Choose Other only if Xoxoday gave you another value.',
		},
		{
			displayName: 'Other Relation Type',
			name: 'relationTypeOther',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 4,
			displayOptions: { show: { relationType: [0] } },
			description: 'The RelationType code Xoxoday gave you (a whole number)',
		},
		{
			// Assumed: the reference reads times without a zone in the deployment's time zone, which it does not
			// give for cloud programs (transactions/insert-transaction).
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'UTC',
			placeholder: 'e.g. Asia/Kolkata',
			description:
				"IANA time zone of your Loyalife deployment. Loyalife's times carry no zone and are read in the deployment's zone, which is not public: UTC is assumed; ask your Xoxoday contact. Used for the From/To sent and the transaction times read.",
		},
		maxRequestsPerSecondField,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const base = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		const body: IDataObject = {
			grant_type: 'client_credentials',
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
		};
		const member = String(credentials.memberReference ?? '').trim();
		if (member) body.scope = JSON.stringify(['LOGIN', member]);
		let response: { statusCode: number; body: TokenAnswer };
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url: base + LOYALIFE_SIGN_IN_PATH,
				// As the quickstart sends it (Content-Type comes with the JSON body).
				headers: { Accept: 'application/json' },
				body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; body: TokenAnswer };
		} catch (error) {
			throw new CredentialRefusedError(
				'Loyalife',
				`the token endpoint ${base + LOYALIFE_SIGN_IN_PATH} could not be reached (${(error as Error).message})`,
			);
		}
		const results = response.body?.results;
		if (!results?.token) {
			const said = results?.ExceptionMessage ?? `HTTP ${response.statusCode} without a token`;
			const code =
				results?.ErrorCode !== undefined && results?.ErrorCode !== null
					? ` (ErrorCode ${results.ErrorCode})`
					: '';
			throw new CredentialRefusedError('Loyalife', `${said}${code}`, response.statusCode);
		}
		return { token: results.token, expiresOn: results.tokenExpiresOn ?? '' };
	}

	// A function rather than a `generic` block: n8n calls it directly instead of evaluating an expression for
	// every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...(requestOptions.headers ?? {}),
			Authorization: `bearer ${String(credentials.token ?? '')}`,
		};
		return requestOptions;
	}

	// Reads the balance of a made-up member, or of the bound member (payment-gateway/check-availability):
	// proves the token works. "Member does not exist" (103) is still a pass (assumed over HTTP 200: not
	// public); the universal codes 997-999 are not.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl).replace(/\\/+$/, "") }}',
			url: '/lbms-ingress/pg-lm/API/PG/CheckAvailability',
			method: 'POST',
			body: {
				RelationReference: '={{ $credentials.memberReference || "n8n-credential-test" }}',
				TransactionCurrency: '={{ $credentials.transactionCurrency || "DEFAULT" }}',
				RelationType:
					'={{ Number($credentials.relationType) || Number($credentials.relationTypeOther) || 4 }}',
				ProgramId: '={{ Number($credentials.programId) }}',
			},
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'results.ErrorCode',
					value: '997',
					message:
						'Loyalife answered ErrorCode 997 (an exception occurred): check the Program ID and Base URL',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'results.ErrorCode',
					value: '998',
					message: 'Loyalife answered ErrorCode 998 (invalid request): check the Base URL',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'results.ErrorCode',
					value: '999',
					message:
						'Loyalife answered ErrorCode 999 (bad request): check the Program ID and Relation Type',
				},
			},
		],
	};
}
