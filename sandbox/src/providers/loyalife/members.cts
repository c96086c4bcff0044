// #2-#6 members: enrolment, profile, lookup by attribute, update, credentials.
import { P, H, PROFILE_ATTRIBUTES, CUSTOM_ATTRIBUTES, UNIQUE_ATTRIBUTES } from './program.cjs';
import { createProfileSchema, updateProfileSchema, credentialsSchema } from './schemas.cjs';
import { ok, failure, stamp } from './util.cjs';
import type { Loyalife } from './context.cjs';
import type { Member } from './state.cjs';

/** Where each route comes from (see index.cts). */
const SOURCES: Record<string, string> = {
	'POST /lbms-ingress/member/api/Member/CreateProfileWithAttributes': `${H}/api-reference/members/create-profile (address field name "address" and the demo custom attributes city, preferred_store assumed)`,
	'GET /lbms-ingress/member/api/Member/GetMemberProfile': `assumed: method, path and query names (pintProgramId, RelationReference) not public; fields from ${H}/api-reference/members/get-member-profile`,
	'GET /lbms-ingress/member/api/Member/GetMemberDetailsByUniqueAttribute': `${H}/api-reference/members/get-member-by-attribute (query names pstrAttributeName, pstrAttributeValue assumed: not public)`,
	'POST /lbms-ingress/member/api/Member/UpdateProfileWithAttributes': `${H}/api-reference/members/update-profile`,
	'POST /lbms-ingress/member/api/Member/CheckMembershipCredentialsByRelationReference': `${H}/api-reference/members/check-credentials`,
};

function register(l: Loyalife) {
	const {
		route,
		state,
		clock,
		addMember,
		pointsOf,
		refuse,
		authorize,
		queryOf,
		bodyOf,
		checkMember,
		memberOr103,
	} = l;
	// ---- #2 Create Profile: POST .../api/Member/CreateProfileWithAttributes?pintProgramId= ----------------
	// H/api-reference/members/create-profile. ReturnObject true (no Id); 409 E201 on a duplicate
	// relation_reference. status a string code "1".."6", default "5" Inactive. The address field name
	// "address" is assumed (not visible); custom attributes city, preferred_store (the demo program's).
	route('POST', `${P}/member/api/Member/CreateProfileWithAttributes`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, ['pintProgramId']);
		const body = bodyOf(ctx, createProfileSchema, subject);
		checkMember(subject, body.relation_reference);
		if (state.members.has(body.relation_reference))
			return {
				status: 409,
				body: failure(
					'E201',
					`Duplicate record: relation_reference ${body.relation_reference} already exists`,
				),
			};
		addMember(body);
		return { status: 200, body: ok(true) };
	});

	const profileView = (m: Member) => ({
		Id: m.Id,
		FullName: m.FullName,
		Email: m.Email,
		MobileNumber: m.MobileNumber,
		DOB: m.DOB,
		Gender: m.Gender,
		Address: m.Address,
		Status: m.Status,
		IsAccountActivated: m.IsAccountActivated,
		TierName: m.TierName,
		TotalPoints: pointsOf(m.RelationReference),
		EnrollmentDate: m.EnrollmentDate,
		ActivatedDate: m.ActivatedDate,
		LastLoggedIn: m.LastLoggedIn,
		IsAccrualAllowed: m.IsAccrualAllowed,
		CustomerSegment: m.CustomerSegment,
	});

	// ---- #3 Get Member Profile: GET .../api/Member/GetMemberProfile?pintProgramId=&RelationReference= -------
	// assumed: method, path and query names not public (H/api-reference/members/get-member-profile gives the
	// fields). 404 ErrorCode 103 when unknown.
	route('GET', `${P}/member/api/Member/GetMemberProfile`, (ctx) => {
		const subject = authorize(ctx);
		const q = queryOf(ctx, subject, ['pintProgramId', 'RelationReference']);
		checkMember(subject, q.RelationReference);
		const member = memberOr103(q.RelationReference, 404);
		return { status: 200, body: ok(profileView(member)) };
	});

	// ---- #4 Get Member by Attribute: GET .../api/Member/GetMemberDetailsByUniqueAttribute -------------------
	// H/api-reference/members/get-member-by-attribute. Query names pstrAttributeName / pstrAttributeValue
	// assumed (not public). Only attributes marked unique (email_id, mobile_number) are supported. 404 when
	// no member matches (ErrorCode 103).
	route('GET', `${P}/member/api/Member/GetMemberDetailsByUniqueAttribute`, (ctx) => {
		const subject = authorize(ctx);
		const q = queryOf(ctx, subject, ['pintProgramId', 'pstrAttributeName', 'pstrAttributeValue']);
		const name = q.pstrAttributeName;
		if (!UNIQUE_ATTRIBUTES[name]) {
			const known = [...PROFILE_ATTRIBUTES, ...CUSTOM_ATTRIBUTES, 'relation_reference'] as string[];
			throw refuse(
				known.includes(name)
					? `pstrAttributeName ${name} is not a unique attribute of this program (unique: email_id, mobile_number)`
					: `pstrAttributeName ${name} is not an attribute of this program (use the attribute key, e.g. email_id, mobile_number)`,
			);
		}
		const member = [...state.members.values()].find(
			(m) => m[UNIQUE_ATTRIBUTES[name]] === q.pstrAttributeValue,
		);
		if (!member)
			return {
				status: 404,
				body: failure('103', `Member not found: no member with ${name} ${q.pstrAttributeValue}`),
			};
		checkMember(subject, member.RelationReference);
		return {
			status: 200,
			body: ok({
				Id: member.Id,
				FullName: member.FullName,
				Email: member.Email,
				RelationReference: member.RelationReference,
				TierName: member.TierName,
				TotalPoints: pointsOf(member.RelationReference),
			}),
		};
	});

	// ---- #5 Update Profile: POST .../api/Member/UpdateProfileWithAttributes?pintProgramId= ----------------
	// H/api-reference/members/update-profile. {id (internal Id), data {>= 1 attribute}}; E202 unknown id,
	// E204 member Canceled (status 4), E205 duplicate e-mail, E206 duplicate mobile: HTTP 200 with
	// IsSucessful false (the page gives no status for them). ReturnObject true.
	route('POST', `${P}/member/api/Member/UpdateProfileWithAttributes`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, ['pintProgramId']);
		const body = bodyOf(ctx, updateProfileSchema, subject);
		const member = [...state.members.values()].find((m) => m.Id === body.id);
		if (!member)
			return {
				status: 200,
				body: failure('E202', `Member does not exist: no member with id ${body.id}`),
			};
		checkMember(subject, member.RelationReference);
		if (member.Status === 4)
			return { status: 200, body: failure('E204', 'Update failed: the member is cancelled') };
		const d = body.data;
		const others = [...state.members.values()].filter((m) => m !== member);
		if (d.email_id !== undefined && others.some((m) => m.Email === d.email_id))
			return {
				status: 200,
				body: failure('E205', `Duplicate e-mail: ${d.email_id} belongs to another member`),
			};
		if (d.mobile_number !== undefined && others.some((m) => m.MobileNumber === d.mobile_number))
			return {
				status: 200,
				body: failure('E206', `Duplicate mobile: ${d.mobile_number} belongs to another member`),
			};
		if (d.full_name !== undefined) member.FullName = d.full_name;
		if (d.email_id !== undefined) member.Email = d.email_id;
		if (d.mobile_number !== undefined) member.MobileNumber = d.mobile_number;
		if (d.gender !== undefined) member.Gender = d.gender;
		if (d.dob !== undefined) member.DOB = `${d.dob}T00:00:00`;
		if (d.address !== undefined) member.Address = d.address;
		for (const k of CUSTOM_ATTRIBUTES) if (d[k] !== undefined) member.Custom[k] = d[k];
		if (d.status !== undefined) {
			member.Status = Number(d.status);
			if (member.Status === 1 && !member.IsAccountActivated) {
				member.IsAccountActivated = true;
				member.ActivatedDate = stamp(clock());
			}
		}
		return { status: 200, body: ok(true) };
	});

	// ---- #6 Check Membership Credentials: POST .../api/Member/CheckMembershipCredentialsByRelationReference
	// H/api-reference/members/check-credentials. Password is the hash (demo program: MD5 hex of
	// "Passw0rd!<n>" for MEM<n>, see passwordHashOf); 401 envelope when wrong (LoginAttempt + 1). On success
	// LastLoggedIn is the previous login and LoginAttempt the failures since it; both then reset.
	route('POST', `${P}/member/api/Member/CheckMembershipCredentialsByRelationReference`, (ctx) => {
		const subject = authorize(ctx);
		queryOf(ctx, subject, []);
		const body = bodyOf(ctx, credentialsSchema, subject);
		checkMember(subject, body.UniquerefID);
		const member = state.members.get(body.UniquerefID);
		const invalid = () => ({
			status: 401,
			body: failure('401', 'Invalid credentials: UniquerefID or Password is wrong'),
		});
		if (!member || !member.PasswordHash) return invalid();
		if (member.PasswordHash.toLowerCase() !== body.Password.toLowerCase()) {
			member.LoginAttempt++;
			return invalid();
		}
		// assumed: Login Blocked (3), Canceled (4) and Membership Blocked (6) members cannot log in
		if ([3, 4, 6].includes(member.Status))
			return {
				status: 401,
				body: failure('401', `Login is not allowed for member status ${member.Status}`),
			};
		const answer = {
			Id: member.Id,
			FullName: member.FullName,
			Email: member.Email,
			Status: member.Status,
			IsAccountActivated: member.IsAccountActivated,
			LastLoggedIn: member.LastLoggedIn,
			LoginAttempt: member.LoginAttempt,
			ForceChangePassword: member.ForceChangePassword,
		};
		member.LastLoggedIn = stamp(clock());
		member.LoginAttempt = 0;
		return { status: 200, body: ok(answer) };
	});
}

export { SOURCES, register };
