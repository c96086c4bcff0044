// What Loyalistic's (assumed) resource routes accept.
import { z } from 'zod';

export const contactSchema = z.object({
	email: z.string().email('The Email field is not a valid e-mail address.'),
	firstName: z.string().max(100).optional(),
	lastName: z.string().max(100).optional(),
	phone: z.string().max(40).optional(),
	title: z.string().max(100).optional(),
	companyId: z.number().int().positive().optional(),
	customFields: z.record(z.any()).optional(),
});
export const companySchema = z.object({
	name: z.string().min(1, 'The Name field is required.'),
	domain: z.string().optional(),
	industry: z.string().optional(),
	employees: z.number().int().nonnegative().optional(),
	country: z.string().optional(),
});
export const activitySchema = z.object({
	type: z.string().min(1, 'The Type field is required.'),
	description: z.string().optional(),
	occurredAt: z
		.string()
		.datetime({ offset: true, message: 'OccurredAt must be an ISO 8601 date-time.' })
		.optional(),
	properties: z.record(z.any()).optional(),
});
