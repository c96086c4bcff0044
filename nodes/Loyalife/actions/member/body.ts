import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { Validator } from '../../../shared/execution/validate';

/** Member fields from a collection, checked before sending. */
export function memberBody(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): IDataObject {
	const raw = ctx.getNodeParameter(name, i, {}) as IDataObject;
	const v = new Validator(ctx, i);
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined || value === null) continue;
		const text = String(value).trim();
		if (key === 'email_id') v.emailValue(text, `${label} → Email`);
		if (key === 'mobile_number' && !/^\+?\d{7,15}$/.test(text))
			v.fail(`${label} → Mobile Number`, `must be 7 to 15 digits, got "${text}"`);
		if (key === 'dob') {
			const day = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0];
			if (!day || Number.isNaN(Date.parse(day)))
				v.fail(`${label} → Date of Birth`, `must be a date, got "${text}"`);
			body.dob = day;
			continue;
		}
		body[key] = text;
	}
	return body;
}
