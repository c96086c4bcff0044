// What Frederick's routes accept (JSON:API attributes), as zod schemas.
import { z } from 'zod';

// Contacts. Frederick's client library shows only name and properties on a contact, the external id inside
// properties, and an unknown property key refused at /data/attributes/properties; the other attribute names
// are assumed, as are the 100-character name limit and the phone pattern.
export const contactSchema = z
	.object({
		// The one contact attribute the client library's fixtures show.
		name: z.string().max(100).optional(),
		first_name: z.string().max(100).optional(),
		last_name: z.string().max(100).optional(),
		email: z.string().email('email is not a valid email address').optional(),
		phone: z
			.string()
			.regex(/^\+?[\d\s()-]{7,20}$/, 'phone is not a valid phone number')
			.optional()
			.nullable(),
		properties: z.object({ external_id: z.string().optional() }).strict().optional(),
	})
	.strict();

// No attribute of a campaign is public: these are assumed.
export const campaignSchema = z
	.object({
		name: z.string().min(1, 'name is required'),
		channel: z.enum(['email', 'sms'], {
			errorMap: () => ({ message: 'channel must be email or sms' }),
		}),
		subject: z.string().optional(),
		body: z.string().optional(),
		contact_list_id: z.string().optional(),
		send_at: z
			.string()
			.datetime({ offset: true, message: 'send_at must be an ISO 8601 date-time' })
			.optional(),
	})
	.strict();

// The management_systems body of update_management_system (assumed: the page gives the path only).
export const managementSystemSchema = z.object({
	data_source_name: z.string().min(1, 'data_source_name is required'),
	sync_status: z.enum(['started', 'finished'], {
		errorMap: () => ({ message: 'sync_status must be started or finished' }),
	}),
});
