import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsFor } from '../../../shared/router';
import { Validator } from '../../../shared/validate';
import { cardlyticsRequest, PATHS } from '../../transport';
import { redemptionDateField } from '../common';

export const description: INodeProperties[] = fieldsFor('redemption', 'getLink', [redemptionDateField]);

/** Asks Cardlytics for the pre-signed link to one day's redemption file. */
export async function getRedemptionLink(ctx: IExecuteFunctions, i: number): Promise<{ date: string; url: string; requestId?: string }> {
	const date = new Validator(ctx, i).date('date', 'Date', { past: true });
	const response = await cardlyticsRequest<{ url: string }>(ctx, i, 'GET', PATHS.redemptions, { qs: { date } });
	return { date, url: response.body.url, requestId: response.requestId };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const link = await getRedemptionLink(this, i);
	return { ...link, validForMinutes: 60 };
}
