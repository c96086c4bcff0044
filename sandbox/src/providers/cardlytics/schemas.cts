// What the Cardlytics Partner API accepts: its payloads as zod schemas.
import { z } from 'zod';

// platform.cardlytics.com/advertisers/docs/api-offer-ingestion: an image asset is {type: "IMAGE", value:
// {large: {url}}} or value.large.content as a data URL; logo and largeRectangle are both required.
export const imageAsset = z
	.object({
		type: z.literal('IMAGE'),
		value: z
			.object({
				large: z
					.object({
						url: z.string().url().optional(),
						content: z
							.string()
							.regex(
								/^data:[^,]*,/,
								'content must be a data URL (RFC 2397), e.g. data:image/png;base64,…',
							)
							.optional(),
					})
					.strict()
					.refine(
						(l) => Boolean(l.url) !== Boolean(l.content),
						'value.large needs exactly one of url or content',
					),
			})
			.strict(),
	})
	.strict();

// MerchantPayload (OpenAPI "partner-api" 2025-10-07; https://platform.cardlytics.com/ads-manager/docs/merchant-ingestion-api).
// Objects are strict (assumed: the reference does not say Cardlytics refuses unknown fields), so that a
// misnamed field is refused by name rather than silently dropped.
const text = (field: string) =>
	z.string({ required_error: `${field} is required` }).min(1, `${field} is required`);
const midItem = (required: string[], optional: string[] = []) =>
	z
		.object(
			Object.fromEntries([
				...required.map((k) => [k, text(k)]),
				...optional.map((k) => [k, z.string().optional()]),
			]),
		)
		.strict();
const processorSchema = z
	.object({
		processorName: text('processorName'),
		processorId: z.string().optional(),
		// merchant-ingestion-api: at least one element with both vmid and vsid (not every element).
		visaMids: z
			.array(midItem([], ['vmid', 'vsid']))
			.min(1)
			.refine(
				(mids) => mids.some((m) => m.vmid && m.vsid),
				'visaMids needs at least one element with both vmid and vsid',
			)
			.optional(),
		mcAuthMids: z
			.array(midItem(['mcAuthLocationId', 'mcAuthAcquiringMid'], ['mcAuthICA']))
			.min(1)
			.optional(),
		mcClearingMids: z
			.array(midItem(['mcClearingLocationId', 'mcClearingAcquiringMid'], ['mcClearingICA']))
			.min(1)
			.optional(),
		amexMids: z
			.array(midItem(['seNumber']))
			.min(1)
			.optional(),
		discoverMids: z
			.array(midItem(['discover']))
			.min(1)
			.optional(),
	})
	.strict();
type MidList = 'visaMids' | 'mcAuthMids' | 'mcClearingMids' | 'amexMids' | 'discoverMids';
const NETWORK_MIDS: Record<string, MidList[]> = {
	Visa: ['visaMids'],
	MasterCard: ['mcAuthMids', 'mcClearingMids'],
	AmericanExpress: ['amexMids'],
	Discover: ['discoverMids'],
};
const midRecordSchema = z
	.object({
		paymentNetwork: z.enum(['Visa', 'MasterCard', 'AmericanExpress', 'Discover'], {
			errorMap: () => ({
				message: 'paymentNetwork must be one of Visa, MasterCard, AmericanExpress, Discover',
			}),
		}),
		processors: z.array(processorSchema).min(1, 'processors needs at least one processor'),
	})
	.strict()
	.superRefine((record, ctx) => {
		const own = NETWORK_MIDS[record.paymentNetwork];
		record.processors.forEach((p, n) => {
			if (!own.some((k) => p[k]?.length))
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['processors', n, own.join('|')],
					message: `a ${record.paymentNetwork} processor needs ${own.join(' or ')}`,
				});
		});
	});
const storeSchema = z
	.object({
		storeId: text('storeId'),
		storeName: text('storeName'),
		address1: text('address1'),
		address2: z.string().optional(),
		city: text('city'),
		state: text('state'),
		postalCode: text('postalCode'),
		// ISO 3166-1 alpha-2; upper case only is assumed (the node sends it upper-cased).
		countryCode: z.string().regex(/^[A-Z]{2}$/, 'countryCode must be ISO 3166-1 alpha-2'),
		locatedIn: z.string().optional(),
		storePhoneNumbers: z.array(z.string()).optional(),
		storeUrl: z.string().optional(),
		storeEmails: z.array(z.string()).optional(),
		latitude: z.string().optional(),
		longitude: z.string().optional(),
		processorMidChangedFlag: z.enum(['Y', 'N'], {
			errorMap: () => ({ message: 'processorMidChangedFlag must be Y or N' }),
		}),
		processorMidRecords: z
			.array(midRecordSchema, { required_error: 'processorMidRecords is required' })
			.min(1, 'processorMidRecords needs at least one MID record'),
	})
	.strict();
export const merchantSchema = z
	.object({
		merchantId: text('merchantId'),
		merchantName: text('merchantName'),
		parentMerchantId: z.string().optional(),
		// The OpenAPI types it number (example 5812); the node follows the OpenAPI, so a string is refused.
		merchantCategoryCode: z
			.number({
				invalid_type_error: 'merchantCategoryCode must be a number (OpenAPI: type number)',
			})
			.int()
			.min(0)
			.max(9999, 'merchantCategoryCode must be a four-digit ISO 18245 MCC')
			.optional(),
		merchantSubCategories: z
			.array(
				z
					.object({
						categoryType: text('categoryType'),
						// "No special characters" is undefined; assumed: letters (any script), digits,
						// spaces, hyphens and apostrophes, the same rule the node checks before sending.
						categoryItems: z.array(
							z.string().regex(/^[\p{L}\p{N} '\-]+$/u, 'categoryItems: no special characters'),
						),
					})
					.strict(),
			)
			.optional(),
		paymentChannels: z
			.array(z.enum(['online', 'instore']))
			.min(1, 'paymentChannels needs online and/or instore'),
		paymentSubChannels: z.array(z.enum(['PayAtPump', 'Convenience'])).optional(),
		merchantUrl: z.string().optional(),
		merchantApps: z.array(z.string()).optional(),
		stores: z
			.array(storeSchema, { required_error: 'stores is required' })
			.min(1, 'stores needs at least one store'),
	})
	.strict();

// OfferPayload (https://platform.cardlytics.com/advertisers/docs/api-offer-ingestion). Strict (assumed, as for
// MerchantPayload: the reference does not say Cardlytics refuses unknown fields). offerStatus is for SFTP files
// only (REST takes the method), so it is refused here like any field the schema lacks.
export const offerSchema = z
	.object({
		offerId: text('offerId'),
		merchantId: text('merchantId'),
		offerName: text('offerName'),
		assets: z.object({ logo: imageAsset, largeRectangle: imageAsset }).strict(),
	})
	.strict();

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// ReportRequest (https://platform.cardlytics.com/advertisers/docs/api-performance-reporting): every field
// optional; a timeRange needs both ends; at most 1000 offer ids (ads-manager/docs/upcoming-features). Strict
// (assumed: the reference does not say unknown fields are refused).
export const reportSchema = z
	.object({
		cube: z
			.literal('merchant_performance', {
				errorMap: () => ({ message: 'cube must be "merchant_performance"' }),
			})
			.optional(),
		offerIds: z
			.array(z.string().min(1))
			.max(1000, 'offerIds may hold at most 1000 offer ids')
			.optional(),
		timeRange: z
			.object({
				from: z
					.string({ required_error: 'timeRange.from is required once timeRange is sent' })
					.regex(DAY_PATTERN, 'timeRange.from must be YYYY-MM-DD'),
				to: z
					.string({ required_error: 'timeRange.to is required once timeRange is sent' })
					.regex(DAY_PATTERN, 'timeRange.to must be YYYY-MM-DD'),
			})
			.strict()
			.optional(),
	})
	.strict();
