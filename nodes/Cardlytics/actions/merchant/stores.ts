import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * The merchant's stores as the Partner API's MerchantPayload defines them (OpenAPI "partner-api" 2025-10-07,
 * schema table https://platform.cardlytics.com/ads-manager/docs/merchant-ingestion-api): at least one store,
 * each with its processor MID records (at least one), without which Cardlytics cannot match in-store card
 * transactions to the merchant. Both the store editor and the JSON mode end in `checkStores`, so nothing that
 * misses a required field leaves the node.
 */

/** Store fields of the schema: required ones first. */
const STORE_REQUIRED = [
	'storeId',
	'storeName',
	'address1',
	'city',
	'state',
	'postalCode',
	'countryCode',
] as const;
const STORE_OPTIONAL_TEXT = ['address2', 'locatedIn', 'storeUrl', 'latitude', 'longitude'] as const;
const STORE_OPTIONAL_LISTS = ['storePhoneNumbers', 'storeEmails'] as const;
const STORE_FIELDS = new Set<string>([
	...STORE_REQUIRED,
	...STORE_OPTIONAL_TEXT,
	...STORE_OPTIONAL_LISTS,
	'processorMidChangedFlag',
	'processorMidRecords',
]);
/** Field names of other Cardlytics APIs (and of this node before) that users reach for first. */
const RENAMED: Record<string, string> = {
	name: 'storeName',
	address: 'address1',
	country: 'countryCode',
	zip: 'postalCode',
	phone: 'storePhoneNumbers',
};

export const PAYMENT_NETWORKS = ['Visa', 'MasterCard', 'AmericanExpress', 'Discover'] as const;

/**
 * Per payment network: the MID array a processor must carry, and the fields each of its items needs. Visa
 * needs at least one element with both vmid and vsid (merchant-ingestion-api), so neither is required of
 * every element: `together` names the fields one element must have at once.
 */
const MID_ARRAYS: Record<
	string,
	Array<{ array: string; required: string[]; optional: string[]; together?: string[] }>
> = {
	Visa: [
		{ array: 'visaMids', required: [], optional: ['vmid', 'vsid'], together: ['vmid', 'vsid'] },
	],
	MasterCard: [
		{
			array: 'mcAuthMids',
			required: ['mcAuthLocationId', 'mcAuthAcquiringMid'],
			optional: ['mcAuthICA'],
		},
		{
			array: 'mcClearingMids',
			required: ['mcClearingLocationId', 'mcClearingAcquiringMid'],
			optional: ['mcClearingICA'],
		},
	],
	AmericanExpress: [{ array: 'amexMids', required: ['seNumber'], optional: [] }],
	Discover: [{ array: 'discoverMids', required: ['discover'], optional: [] }],
};
const ALL_MID_ARRAYS = new Set(Object.values(MID_ARRAYS).flatMap((a) => a.map((x) => x.array)));

/** A store the schema refuses: which store (0-based, as n8n counts items), which field, and why. */
export class StoreProblem extends Error {
	constructor(
		readonly storeIndex: number,
		readonly field: string,
		readonly problem: string,
	) {
		super(`store ${storeIndex}: ${field} ${problem}`);
	}
}

const isObject = (v: unknown): v is IDataObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) =>
	typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

function requiredText(
	source: IDataObject,
	key: string,
	storeIndex: number,
	path: string,
	out: IDataObject,
) {
	const value = text(source[key]);
	if (!value) throw new StoreProblem(storeIndex, `${path}${key}`, 'is required but empty');
	out[key] = value;
}

function refuseUnknown(
	source: IDataObject,
	known: Set<string>,
	storeIndex: number,
	path: string,
): void {
	for (const key of Object.keys(source))
		if (!known.has(key)) {
			const hint = RENAMED[key] ? `: Cardlytics calls it ${RENAMED[key]}` : '';
			throw new StoreProblem(
				storeIndex,
				`${path}${key}`,
				`is not a field of the Cardlytics store schema (checked by the node, to catch misnamed fields)${hint}`,
			);
		}
}

/** A list of strings given as a list or as comma-separated text; undefined when empty. */
export function textList(value: unknown): string[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const list = (Array.isArray(value) ? value : String(value).split(','))
		.map((v) => String(v).trim())
		.filter(Boolean);
	return list.length ? list : undefined;
}

function checkProcessor(
	processor: unknown,
	network: string,
	storeIndex: number,
	path: string,
): IDataObject {
	if (!isObject(processor)) throw new StoreProblem(storeIndex, path, 'must be an object');
	const arrays = MID_ARRAYS[network];
	refuseUnknown(
		processor,
		new Set(['processorName', 'processorId', ...ALL_MID_ARRAYS]),
		storeIndex,
		`${path}.`,
	);
	const out: IDataObject = {};
	requiredText(processor, 'processorName', storeIndex, `${path}.`, out);
	const processorId = text(processor.processorId);
	if (processorId) out.processorId = processorId;
	// Another network's MID array on this record is sent as given: the schema lists every array on every
	// processor and does not forbid it. Each array is checked by its own item rules.
	for (const { array, required, optional, together } of Object.values(MID_ARRAYS).flat()) {
		const given = processor[array];
		if (given === undefined) continue;
		if (!Array.isArray(given) || !given.length)
			throw new StoreProblem(storeIndex, `${path}.${array}`, 'must be a list of at least one MID');
		out[array] = given.map((mid, m) => {
			const midPath = `${path}.${array}[${m}].`;
			if (!isObject(mid))
				throw new StoreProblem(storeIndex, midPath.slice(0, -1), 'must be an object');
			refuseUnknown(mid, new Set([...required, ...optional]), storeIndex, midPath);
			const clean: IDataObject = {};
			for (const key of required) requiredText(mid, key, storeIndex, midPath, clean);
			for (const key of optional) {
				const value = text(mid[key]);
				if (value) clean[key] = value;
			}
			return clean;
		});
		if (together && !(out[array] as IDataObject[]).some((mid) => together.every((k) => mid[k])))
			throw new StoreProblem(
				storeIndex,
				`${path}.${array}`,
				`needs at least one element with both ${together.join(' and ')}`,
			);
	}
	if (!arrays.some((a) => out[a.array]))
		throw new StoreProblem(
			storeIndex,
			`${path}.${arrays.map((a) => a.array).join(' / ')}`,
			`needs at least one ${network} MID`,
		);
	return out;
}

function checkMidRecord(record: unknown, storeIndex: number, path: string): IDataObject {
	if (!isObject(record)) throw new StoreProblem(storeIndex, path, 'must be an object');
	refuseUnknown(record, new Set(['paymentNetwork', 'processors']), storeIndex, `${path}.`);
	const network = text(record.paymentNetwork);
	if (!network)
		throw new StoreProblem(storeIndex, `${path}.paymentNetwork`, 'is required but empty');
	if (!(PAYMENT_NETWORKS as readonly string[]).includes(network))
		throw new StoreProblem(
			storeIndex,
			`${path}.paymentNetwork`,
			`must be one of ${PAYMENT_NETWORKS.join(', ')} (this spelling and case), got "${network}"`,
		);
	const processors = record.processors;
	if (!Array.isArray(processors) || !processors.length)
		throw new StoreProblem(storeIndex, `${path}.processors`, 'needs at least one processor');
	return {
		paymentNetwork: network,
		processors: processors.map((p, n) =>
			checkProcessor(p, network, storeIndex, `${path}.processors[${n}]`),
		),
	};
}

/** Checks stores against the schema and returns them cleaned (trimmed, empty optional fields left out). */
export function checkStores(stores: unknown): IDataObject[] {
	if (!Array.isArray(stores) || !stores.length)
		throw new StoreProblem(
			0,
			'stores',
			'needs at least one store: Cardlytics requires every merchant to have at least one',
		);
	return stores.map((store, s) => {
		if (!isObject(store)) throw new StoreProblem(s, 'store', 'must be an object');
		refuseUnknown(store, STORE_FIELDS, s, '');
		const out: IDataObject = {};
		for (const key of STORE_REQUIRED) requiredText(store, key, s, '', out);
		if (!/^[A-Za-z]{2}$/.test(String(out.countryCode)))
			throw new StoreProblem(
				s,
				'countryCode',
				`must be a two-letter ISO 3166-1 alpha-2 code such as US, got "${String(out.countryCode)}"`,
			);
		out.countryCode = String(out.countryCode).toUpperCase();
		for (const key of STORE_OPTIONAL_TEXT) {
			const value = text(store[key]);
			if (value) out[key] = value;
		}
		// The schema types them only as strings; a decimal is the node's own check against swapped fields.
		for (const key of ['latitude', 'longitude'])
			if (out[key] !== undefined && !/^-?\d+(\.\d+)?$/.test(String(out[key])))
				throw new StoreProblem(
					s,
					key,
					`must be a decimal number such as 39.8017, got "${String(out[key])}"`,
				);
		for (const key of STORE_OPTIONAL_LISTS) {
			const list = textList(store[key]);
			if (list) out[key] = list;
		}
		const flag = text(store.processorMidChangedFlag);
		if (!flag)
			throw new StoreProblem(
				s,
				'processorMidChangedFlag',
				'is required but empty: Y when the processor MIDs changed, N when not',
			);
		if (flag !== 'Y' && flag !== 'N')
			throw new StoreProblem(s, 'processorMidChangedFlag', `must be Y or N, got "${flag}"`);
		out.processorMidChangedFlag = flag;
		const records = store.processorMidRecords;
		if (!Array.isArray(records) || !records.length)
			throw new StoreProblem(
				s,
				'processorMidRecords',
				'needs at least one MID record: without MIDs Cardlytics cannot match in-store card transactions',
			);
		out.processorMidRecords = records.map((r, n) =>
			checkMidRecord(r, s, `processorMidRecords[${n}]`),
		);
		return out;
	});
}

/**
 * Turns the store editor's rows (one row per MID) into the schema's nesting: rows of one payment network
 * form one MID record, rows of one processor (name and ID) within it one processor.
 */
export function storesFromEditor(rows: IDataObject[]): IDataObject[] {
	return rows.map((row, s) => {
		const { mids, ...fields } = row;
		const midRows = ((mids as IDataObject | undefined)?.mid ?? []) as IDataObject[];
		const records = new Map<string, Map<string, IDataObject>>();
		midRows.forEach((mid, m) => {
			const network = String(mid.paymentNetwork ?? '');
			const processorName = text(mid.processorName) || 'UNKNOWN';
			const processorId = text(mid.processorId) ?? '';
			const processors = records.get(network) ?? new Map<string, IDataObject>();
			records.set(network, processors);
			const key = JSON.stringify([processorName, processorId]);
			const processor: IDataObject = processors.get(key) ?? {
				processorName,
				...(processorId ? { processorId } : {}),
			};
			processors.set(key, processor);
			const push = (array: string, entry: IDataObject) => {
				const list = (processor[array] as IDataObject[] | undefined) ?? [];
				list.push(entry);
				processor[array] = list;
			};
			const need = (key: string, label: string): string => {
				const value = text(mid[key]);
				if (!value)
					throw new StoreProblem(s, `MID ${m} (${network}) → ${label}`, 'is required but empty');
				return value;
			};
			const ica = text(mid.mcIca);
			if (network === 'Visa') {
				// One Visa MID of the processor needs both (checked with the record); a row may hold one.
				const vmid = text(mid.vmid);
				const vsid = text(mid.vsid);
				if (!vmid && !vsid)
					throw new StoreProblem(s, `MID ${m} (Visa) → Visa MID`, 'is required but empty');
				push('visaMids', { ...(vmid ? { vmid } : {}), ...(vsid ? { vsid } : {}) });
			} else if (network === 'MasterCard') {
				// Only the two offered values: any other (e.g. from an expression) is refused, not taken as auth.
				const type = mid.mcMidType ?? 'auth';
				if (type !== 'auth' && type !== 'clearing')
					throw new StoreProblem(
						s,
						`MID ${m} (MasterCard) → Mastercard MID Type`,
						`must be auth or clearing, got "${String(type)}"`,
					);
				const clearing = type === 'clearing';
				const prefix = clearing ? 'mcClearing' : 'mcAuth';
				push(clearing ? 'mcClearingMids' : 'mcAuthMids', {
					[`${prefix}LocationId`]: need('mcLocationId', 'Location ID'),
					[`${prefix}AcquiringMid`]: need('mcAcquiringMid', 'Acquiring MID'),
					...(ica ? { [`${prefix}ICA`]: ica } : {}),
				});
			} else if (network === 'AmericanExpress')
				push('amexMids', { seNumber: need('seNumber', 'SE Number') });
			else if (network === 'Discover')
				push('discoverMids', { discover: need('discoverMid', 'Discover MID') });
			else throw new StoreProblem(s, `MID ${m} → Payment Network`, 'is required but empty');
		});
		return {
			...fields,
			processorMidRecords: [...records].map(([paymentNetwork, processors]) => ({
				paymentNetwork,
				processors: [...processors.values()],
			})),
		};
	});
}

const show = (network: string) => ({ show: { paymentNetwork: [network] } });

/** One MID as a row of the store editor. */
const midValues: INodeProperties[] = [
	{
		displayName: 'Acquiring MID',
		name: 'mcAcquiringMid',
		type: 'string',
		default: '',
		placeholder: 'e.g. 123456789012',
		displayOptions: show('MasterCard'),
		description:
			'The Mastercard acquiring merchant ID (mcAuthAcquiringMid or mcClearingAcquiringMid)',
	},
	{
		displayName: 'Discover MID',
		name: 'discoverMid',
		type: 'string',
		default: '',
		placeholder: 'e.g. 601100000000',
		displayOptions: show('Discover'),
		description: 'The Discover merchant ID (discoverMids[].discover)',
	},
	{
		displayName: 'ICA',
		name: 'mcIca',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1234',
		displayOptions: show('MasterCard'),
		description: "The acquirer's Mastercard ICA number, if known (optional)",
	},
	{
		displayName: 'Location ID',
		name: 'mcLocationId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 100200300',
		displayOptions: show('MasterCard'),
		description: 'The Mastercard location ID (mcAuthLocationId or mcClearingLocationId)',
	},
	{
		displayName: 'Mastercard MID Type',
		name: 'mcMidType',
		type: 'options',
		options: [
			{ name: 'Authorization', value: 'auth', description: 'Sent in mcAuthMids' },
			{ name: 'Clearing', value: 'clearing', description: 'Sent in mcClearingMids' },
		],
		default: 'auth',
		displayOptions: show('MasterCard'),
		description: 'Whether these are authorization or clearing IDs (Mastercard needs at least one)',
	},
	{
		displayName: 'Payment Network',
		name: 'paymentNetwork',
		type: 'options',
		options: [
			{ name: 'American Express', value: 'AmericanExpress' },
			{ name: 'Discover', value: 'Discover' },
			{ name: 'Mastercard', value: 'MasterCard' },
			{ name: 'Visa', value: 'Visa' },
		],
		default: 'Visa',
		description: 'The card network this MID belongs to',
	},
	{
		displayName: 'Processor ID',
		name: 'processorId',
		type: 'string',
		default: '',
		placeholder: 'e.g. proc-42',
		description: 'The processor ID, if known (optional)',
	},
	{
		displayName: 'Processor Name',
		name: 'processorName',
		type: 'string',
		default: 'UNKNOWN',
		placeholder: 'e.g. Chase Paymentech',
		description: 'The payment processor; Cardlytics asks for UNKNOWN when you do not know it',
	},
	{
		displayName: 'SE Number',
		name: 'seNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. 9876543210',
		displayOptions: show('AmericanExpress'),
		description: 'The American Express service establishment number (amexMids[].seNumber)',
	},
	{
		displayName: 'Visa MID',
		name: 'vmid',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12345678',
		displayOptions: show('Visa'),
		description:
			'The Visa merchant ID (visaMids[].vmid). At least one Visa MID of a processor needs both this and the Visa SID.',
	},
	{
		displayName: 'Visa SID',
		name: 'vsid',
		type: 'string',
		default: '',
		placeholder: 'e.g. 87654321',
		displayOptions: show('Visa'),
		description:
			'The Visa store ID (visaMids[].vsid). At least one Visa MID of a processor needs both this and the Visa MID.',
	},
];

const storeText = (
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
	required = false,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description,
	...(required ? { required: true } : {}),
});

/** The store editor: one entry per store, each with its MIDs. */
export const storeEditorField: INodeProperties = {
	displayName: 'Stores',
	name: 'stores',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Store',
	default: {},
	description:
		"The merchant's stores (at least one), each with the card-network MIDs Cardlytics matches transactions by",
	options: [
		{
			displayName: 'Store',
			name: 'store',
			values: [
				storeText('Address Line 1', 'address1', 'e.g. 123 Main St', 'Street address', true),
				storeText('Address Line 2', 'address2', 'e.g. Suite 4', 'Second address line (optional)'),
				storeText('City', 'city', 'e.g. SPRINGFIELD', 'City of the store', true),
				// No preset country: the schema gives no default.
				storeText(
					'Country Code',
					'countryCode',
					'e.g. US',
					'Two-letter ISO 3166-1 alpha-2 code',
					true,
				),
				storeText(
					'Latitude',
					'latitude',
					'e.g. 39.8017',
					'Decimal latitude, sent as text (the node checks it is a decimal number)',
				),
				storeText(
					'Located In',
					'locatedIn',
					'e.g. Springfield Mall',
					'The venue or business the store is inside, if any',
				),
				storeText(
					'Longitude',
					'longitude',
					'e.g. -89.6437',
					'Decimal longitude, sent as text (the node checks it is a decimal number)',
				),
				{
					displayName: 'MIDs',
					name: 'mids',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add MID',
					default: {},
					description:
						'The merchant IDs the card networks know this store by (at least one); MIDs of one network and processor are sent together',
					options: [{ displayName: 'MID', name: 'mid', values: midValues }],
				},
				storeText(
					'Postal Code',
					'postalCode',
					'e.g. 62701',
					'Postal code, as text (leading zeros kept)',
					true,
				),
				{
					displayName: 'Processor MIDs Changed',
					name: 'processorMidChangedFlag',
					type: 'options',
					options: [
						// An empty choice, so nothing is preset: n8n refuses to run while it is chosen.
						{ name: 'Choose Y or N', value: '' },
						{ name: 'No (N)', value: 'N' },
						{ name: 'Yes (Y)', value: 'Y' },
					],
					// No preset: the schema gives none, and a store whose MIDs changed must not go out as N unnoticed.
					default: '',
					required: true,
					description: "Whether the store's processor MIDs changed since you last sent it",
				},
				storeText('State', 'state', 'e.g. IL', 'State or region code', true),
				storeText(
					'Store Emails',
					'storeEmails',
					'e.g. store@example.com',
					'Email addresses of the store, separated by commas',
				),
				storeText('Store ID', 'storeId', 'e.g. store-001', 'Your own ID for this store', true),
				storeText(
					'Store Name',
					'storeName',
					'e.g. Springfield Downtown',
					'Name of the store',
					true,
				),
				storeText(
					'Store Phone Numbers',
					'storePhoneNumbers',
					'e.g. +12175559876',
					'Phone numbers of the store (E.164), separated by commas',
				),
				storeText(
					'Store URL',
					'storeUrl',
					'e.g. https://example.com/stores/springfield',
					'Web page of the store',
				),
			],
		},
	],
};
