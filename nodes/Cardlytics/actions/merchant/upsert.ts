import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { merchantIdField } from '../common';
import { checkStores, storeEditorField, StoreProblem, storesFromEditor, textList } from './stores';

/**
 * PUT /api/v1/partner/merchants/{external_merchant_id} (MerchantPayload of the OpenAPI "partner-api"
 * 2025-10-07; https://platform.cardlytics.com/advertisers/docs/api-merchant-rest-api, schema table
 * https://platform.cardlytics.com/ads-manager/docs/merchant-ingestion-api).
 *
 * merchantCategoryCode goes as a number. The sources conflict: the OpenAPI types it number (example 5812);
 * the schema page says String, and the REST page says REST uses that same schema as the SFTP upload. The node
 * follows the OpenAPI because it is the REST endpoint's own machine-readable contract, the one its 400
 * ("schema validation failure") is checked against. A code with a leading zero (0742) goes as 742, the same
 * four-digit ISO 18245 code.
 */
/**
 * "No special characters" in categoryItems (merchant-ingestion-api) is not defined further. Assumed: letters
 * of any script, digits, spaces, hyphens and apostrophes ("Tex-Mex", "Café"); the simulator checks the same.
 */
const CATEGORY_ITEM = /^[\p{L}\p{N} '-]+$/u;
export default defineOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a merchant',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	kind: 'write',
	records: ['merchantId'],
	fields: [
		merchantIdField,
		{
			displayName: 'Merchant Name',
			name: 'merchantName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Blue Bottle Coffee',
			description: 'The registered merchant or brand name',
		},
		{
			displayName: 'Merchant Category Code',
			name: 'merchantCategoryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5812',
			description:
				'The four-digit ISO 18245 MCC, e.g. 5812 for restaurants (optional; sent as a number, as the Partner API OpenAPI types it)',
		},
		{
			displayName: 'Payment Channels',
			name: 'paymentChannels',
			type: 'multiOptions',
			required: true,
			options: [
				{ name: 'In Store', value: 'instore' },
				{ name: 'Online', value: 'online' },
			],
			// No default: the schema gives none, and a preset channel is easily left wrong for an in-store merchant.
			default: [],
			description:
				'Where cardholders pay this merchant (at least one); offers are matched on these channels',
		},
		{
			displayName: 'Stores Input',
			name: 'storeInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Store Editor',
					value: 'editor',
					description: 'Fill in each store and its MIDs',
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'A list of stores as Cardlytics defines them, e.g. built by an earlier node',
				},
			],
			default: 'editor',
			description:
				'How the stores are given (Cardlytics requires at least one, each with its MIDs)',
		},
		{ ...storeEditorField, displayOptions: { show: { storeInput: ['editor'] } } },
		{
			displayName: 'Stores (JSON)',
			name: 'storesJson',
			type: 'json',
			default:
				'[\n  {\n    "storeId": "store-001",\n    "storeName": "Springfield Downtown",\n    "address1": "123 Main St",\n    "city": "SPRINGFIELD",\n    "state": "IL",\n    "postalCode": "62701",\n    "countryCode": "US",\n    "processorMidChangedFlag": "N",\n    "processorMidRecords": [\n      {\n        "paymentNetwork": "Visa",\n        "processors": [\n          { "processorName": "UNKNOWN", "visaMids": [{ "vmid": "12345678", "vsid": "87654321" }] }\n        ]\n      }\n    ]\n  }\n]',
			displayOptions: { show: { storeInput: ['json'] } },
			description:
				'A list of stores with the fields of the Cardlytics store schema (storeId, storeName, address1, city, state, postalCode, countryCode, processorMidChangedFlag, processorMidRecords, and the optional ones); checked before anything is sent',
		},
		{
			displayName: 'Additional Fields',
			name: 'merchantFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Merchant Apps',
					name: 'merchantApps',
					type: 'string',
					default: '',
					placeholder: 'e.g. Blue Bottle iOS, Blue Bottle Android',
					description: 'Online apps the merchant sells through, separated by commas',
				},
				{
					displayName: 'Merchant URL',
					name: 'merchantUrl',
					type: 'string',
					default: '',
					placeholder: 'e.g. www.bluebottlecoffee.com',
					description: "The merchant's website",
				},
				{
					displayName: 'Parent Merchant ID',
					name: 'parentMerchantId',
					type: 'string',
					default: '',
					placeholder: 'e.g. bb-group',
					description: 'Your ID of the parent merchant, if this merchant belongs to one',
				},
				{
					displayName: 'Payment Sub-Channels',
					name: 'paymentSubChannels',
					type: 'multiOptions',
					options: [
						{ name: 'Convenience', value: 'Convenience' },
						{ name: 'Pay at Pump', value: 'PayAtPump' },
					],
					default: [],
					description: 'For fuel merchants: paying at the pump or in the convenience store',
				},
				{
					displayName: 'Sub-Categories',
					name: 'merchantSubCategories',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Sub-Category',
					default: {},
					description: 'Finer categories, e.g. the cuisine of a restaurant',
					options: [
						{
							displayName: 'Sub-Category',
							name: 'category',
							values: [
								{
									displayName: 'Category Type',
									name: 'categoryType',
									type: 'string',
									default: '',
									placeholder: 'e.g. cuisine',
									description: 'What kind of category this is',
								},
								{
									displayName: 'Items',
									name: 'categoryItems',
									type: 'string',
									default: '',
									placeholder: 'e.g. Italian, Pizza',
									description:
										'The category values, separated by commas: letters, digits, spaces, hyphens and apostrophes only (Cardlytics allows no special characters). Empty sends an empty list.',
								},
							],
						},
					],
				},
			],
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const merchantId = v.id('merchantId', 'External Merchant ID');
		const merchantName = v.string('merchantName', 'Merchant Name');
		const paymentChannels = this.getNodeParameter('paymentChannels', i, []) as string[];
		if (!paymentChannels.length) v.list('paymentChannels', 'Payment Channels');
		const stores = readStores(this, i, v);
		const fields = this.getNodeParameter('merchantFields', i, {}) as IDataObject;
		const body: IDataObject = { merchantId, merchantName };
		if (fields.parentMerchantId) body.parentMerchantId = String(fields.parentMerchantId).trim();
		const mcc = v.optionalString('merchantCategoryCode', 'Merchant Category Code');
		if (mcc !== undefined) {
			if (!/^\d{4}$/.test(mcc))
				v.fail('Merchant Category Code', `must be a 4-digit MCC such as 5812, got "${mcc}"`);
			body.merchantCategoryCode = Number(mcc);
		}
		const subCategories = ((fields.merchantSubCategories as IDataObject | undefined)?.category ??
			[]) as IDataObject[];
		if (subCategories.length)
			body.merchantSubCategories = subCategories.map((c, n) => {
				const categoryType = String(c.categoryType ?? '').trim();
				// categoryItems is required but may be empty (the schema sets no minimum): none given sends [].
				const categoryItems = textList(c.categoryItems) ?? [];
				if (!categoryType) v.fail(`Sub-Category ${n} → Category Type`, 'is required but empty');
				const odd = categoryItems.find((item) => !CATEGORY_ITEM.test(item));
				if (odd !== undefined)
					v.fail(
						`Sub-Category ${n} → Items`,
						`may hold only letters, digits, spaces, hyphens and apostrophes (Cardlytics allows no special characters), got "${odd}"`,
					);
				return { categoryType, categoryItems };
			});
		body.paymentChannels = paymentChannels;
		const subChannels = (fields.paymentSubChannels ?? []) as string[];
		if (subChannels.length) body.paymentSubChannels = subChannels;
		if (fields.merchantUrl) body.merchantUrl = String(fields.merchantUrl).trim();
		const apps = textList(fields.merchantApps);
		if (apps) body.merchantApps = apps;
		body.stores = stores;
		const response = await cardlyticsRequest(this, i, 'PUT', PATHS.merchant(merchantId), { body });
		return {
			merchantId,
			status: response.statusCode,
			message: response.body.message,
			traceId: response.body.trace_id,
		};
	},
});

/** The stores from the editor or the JSON field, checked against the schema; a problem names store and field. */
function readStores(ctx: IExecuteFunctions, i: number, v: Validator): IDataObject[] {
	const mode = ctx.getNodeParameter('storeInput', i, 'editor') as string;
	const label = mode === 'json' ? 'Stores (JSON)' : 'Stores';
	let given: unknown;
	if (mode === 'json') {
		const raw = ctx.getNodeParameter('storesJson', i, '[]') as unknown;
		given = raw;
		if (typeof raw === 'string') {
			try {
				given = JSON.parse(raw);
			} catch {
				v.fail(label, 'must be a JSON list of stores, e.g. [{"storeId": "store-001", …}]');
			}
		}
		// A single store, or an object holding the list as `stores`, is taken too.
		if (given && typeof given === 'object' && !Array.isArray(given))
			given = (given as IDataObject).stores ?? [given];
	} else given = ctx.getNodeParameter('stores.store', i, []) as IDataObject[];
	try {
		return checkStores(mode === 'json' ? given : storesFromEditor(given as IDataObject[]));
	} catch (error) {
		if (!(error instanceof StoreProblem))
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		const where = error.field === 'stores' ? '' : ` store ${error.storeIndex},`;
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}:${where} ${error.field} ${error.problem} (item ${i})`,
			{
				itemIndex: i,
				description: `Fix ${error.field === 'stores' ? 'the stores' : `${error.field} of store ${error.storeIndex}`} in "${label}" of item ${i}; nothing was sent to Cardlytics.`,
			},
		);
	}
}
