import { defineOperation } from '../../../shared/execution/operation';
import { Validator } from '../../../shared/execution/validate';
import { loyaltyLionRequest, PATHS } from '../../transport';

// developers.loyaltylion.com/api-reference/v2/resources/activities/update-activity: PUT
// /v2/activities/{name}/{merchant_id}, where merchant_id is the activity's own ID given when it was tracked;
// body {state: approved | declined | void}; 204. Pending → declined, approved → void; declined sent for an
// approved activity is treated as void.
const STATES = [
	{
		name: 'Approve: Award the Points',
		value: 'approved',
		description: 'A pending activity is approved, so it gives the points its rule awards',
	},
	{
		name: 'Decline: No Points (Voids an Approved One)',
		value: 'declined',
		description:
			'A pending activity is declined and gives no points; LoyaltyLion treats it as Void for an approved one, so use it when unsure of the state',
	},
	{
		name: 'Void: Take Back the Points',
		value: 'void',
		description:
			'An approved activity is voided and its points are taken back (LoyaltyLion typically records a second, negative transaction)',
	},
];

export default defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an activity',
	description: 'Approve, decline or void an activity tracked with an Activity Merchant ID',
	kind: 'write',
	records: ['activityMerchantId'],
	fields: [
		{
			displayName: 'Activity Name',
			name: 'activityName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. $review',
			description:
				'The name the activity was tracked with: your custom rule identifier, or a built-in rule name with $ in front (e.g. $review)',
		},
		{
			displayName: 'Activity Merchant ID',
			name: 'activityMerchantId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. review-981',
			description:
				"The ID you gave the activity when tracking it (Activity → Create → Activity Merchant ID), not the customer's ID. An activity tracked without one cannot be updated.",
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: STATES,
			default: 'approved',
			required: true,
			description: 'What to do with the activity',
		},
	],
	async execute(i) {
		const v = new Validator(this, i);
		const name = v.id('activityName', 'Activity Name');
		const merchantId = v.id('activityMerchantId', 'Activity Merchant ID');
		const state = v.string('state', 'State');
		if (!STATES.some((s) => s.value === state))
			v.fail('State', `must be approved, declined or void, got "${state}"`);
		// Retried like any PUT (assumed safe: only order update is documented as idempotent).
		const { statusCode } = await loyaltyLionRequest(
			this,
			i,
			'PUT',
			PATHS.activity(name, merchantId),
			{ body: { state } },
		);
		return { name, merchant_id: merchantId, state, status: statusCode };
	},
});
