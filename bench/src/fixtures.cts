'use strict';
// Parameters the benchmarks share. A Cardlytics merchant needs at least one store with its MIDs (the merchant
// schema): one store, one Visa MID, in the store editor's JSON mode.
const CARDLYTICS_MERCHANT = {
	resource: 'merchant',
	operation: 'upsert',
	merchantId: '={{ $json.id }}',
	merchantName: 'Bench',
	merchantCategoryCode: '5814',
	paymentChannels: ['instore'],
	storeInput: 'json',
	storesJson: JSON.stringify([
		{
			storeId: 's-1',
			storeName: 'Bench Store',
			address1: '1 Main St',
			city: 'SPRINGFIELD',
			state: 'IL',
			postalCode: '62701',
			countryCode: 'US',
			processorMidChangedFlag: 'N',
			processorMidRecords: [
				{
					paymentNetwork: 'Visa',
					processors: [
						{ processorName: 'UNKNOWN', visaMids: [{ vmid: '12345678', vsid: '87654321' }] },
					],
				},
			],
		},
	]),
};

module.exports = { CARDLYTICS_MERCHANT };
