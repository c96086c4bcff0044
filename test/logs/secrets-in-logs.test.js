'use strict';
// Secret hygiene in logs: n8n's own logging at debug level, captured while every provider goes through its
// failure and renewal paths (wrong secrets, expired and revoked tokens, provider errors, forged webhooks).
// No secret, token or password may appear in the captured log, nor in any output or error (the harness scans
// those for every run of the suite).
process.env.N8N_LOG_LEVEL = 'debug';
const { Engine, useSandbox, allText, activateTrigger } = require('../harness');
const { registry } = require('../harness/secrets');
const { demoCredentials } = require('../../sandbox/demo-credentials');

const box = useSandbox();
const captured = [];
let restore;

beforeAll(() => {
	// n8n's logger is a process-wide singleton (created by whichever test file ran first, maybe at a silent
	// level): wrap its methods so that every message n8n logs is captured, whatever the level.
	const { Container } = require('@n8n/di');
	const { Logger } = require('@n8n/backend-common');
	const logger = Container.get(Logger);
	const wrapped = ['error', 'warn', 'info', 'debug'].map((level) => [level, logger[level]]);
	for (const [level, original] of wrapped) {
		logger[level] = function (message, meta) {
			captured.push(`${level}: ${message} ${allText(meta)}\n`);
			return original.call(this, message, meta);
		};
	}
	const write = process.stdout.write.bind(process.stdout);
	const writeErr = process.stderr.write.bind(process.stderr);
	const methods = ['log', 'info', 'warn', 'error', 'debug'];
	const originals = Object.fromEntries(methods.map((m) => [m, console[m]]));
	process.stdout.write = (chunk, ...rest) => (captured.push(String(chunk)), true);
	process.stderr.write = (chunk, ...rest) => (captured.push(String(chunk)), true);
	for (const m of methods)
		console[m] = (...args) =>
			captured.push(args.map((a) => (typeof a === 'string' ? a : allText(a))).join(' '));
	restore = () => {
		for (const [level, original] of wrapped) logger[level] = original;
		process.stdout.write = write;
		process.stderr.write = writeErr;
		for (const m of methods) console[m] = originals[m];
	};
});
afterAll(() => {
	restore?.();
	process.env.N8N_LOG_LEVEL = 'silent';
});

function credential(engine, type, override = {}) {
	const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === type);
	return engine.addCredential(c.id, c.type, { ...c.data, ...override }, c.name);
}

test('debug logs of failures and token renewals across all providers hold no secret', async () => {
	const engine = new Engine();
	const runs = [];
	const run = async (type, credentials, parameters) =>
		runs.push(await engine.runNode({ type, credentials, parameters, continueOnFail: false }));

	// Wrong secrets, for every kind of credential.
	const wrongCardlytics = new Engine();
	runs.push(
		await wrongCardlytics.runNode({
			type: 'cardlytics',
			credentials: credential(wrongCardlytics, 'cardlyticsOAuth2Api', {
				clientSecret: 'wrong-cardlytics-secret',
			}),
			parameters: { resource: 'redemption', operation: 'getLink', date: '2026-01-02' },
		}),
	);
	const wrongLoyalistic = new Engine();
	runs.push(
		await wrongLoyalistic.runNode({
			type: 'loyalistic',
			credentials: credential(wrongLoyalistic, 'loyalisticOAuth2Api', {
				clientSecret: 'wrong-loyalistic-secret',
			}),
			parameters: { resource: 'contact', operation: 'get', contactId: '1' },
		}),
	);
	const wrongLoyalife = new Engine();
	runs.push(
		await wrongLoyalife.runNode({
			type: 'loyalife',
			credentials: credential(wrongLoyalife, 'loyalifeApi', {
				clientSecret: 'wrong-loyalife-secret',
			}),
			parameters: {
				resource: 'member',
				operation: 'get',
				attributeName: 'email_id',
				attributeValue: 'member1@example.com',
			},
		}),
	);
	const wrongFrederick = new Engine();
	runs.push(
		await wrongFrederick.runNode({
			type: 'frederick',
			credentials: credential(wrongFrederick, 'frederickApi', {
				password: 'wrong-frederick-password',
			}),
			parameters: { resource: 'location', operation: 'getMany', returnAll: true },
		}),
	);
	const wrongLion = new Engine();
	runs.push(
		await wrongLion.runNode({
			type: 'loyaltyLion',
			credentials: credential(wrongLion, 'loyaltyLionApi', { secret: 'wrong-loyaltylion-secret' }),
			parameters: {
				authentication: 'apiToken',
				resource: 'customer',
				operation: 'get',
				merchantId: 'cust-1',
			},
		}),
	);

	// Token renewals: OAuth2 refresh after expiry, preAuthentication after expiry and after revocation.
	const cdlx = credential(engine, 'cardlyticsOAuth2Api');
	await run('cardlytics', cdlx, {
		resource: 'redemption',
		operation: 'getLink',
		date: '2026-01-02',
	});
	box.sim.instances.cardlytics.tokens.expireAll();
	await run('cardlytics', cdlx, {
		resource: 'redemption',
		operation: 'getLink',
		date: '2026-01-03',
	});
	const xl = credential(engine, 'loyalifeApi');
	await run('loyalife', xl, {
		resource: 'member',
		operation: 'get',
		attributeName: 'email_id',
		attributeValue: 'member2@example.com',
	});
	box.sim.instances.loyalife.tokens.expireAll();
	await run('loyalife', xl, {
		resource: 'member',
		operation: 'get',
		attributeName: 'email_id',
		attributeValue: 'nope@example.com',
	});
	const fr = credential(engine, 'frederickApi');
	await run('frederick', fr, {
		resource: 'contact',
		operation: 'get',
		locationId: 'loc_1',
		contactId: 'ct_1',
	});
	box.sim.instances.frederick.control.revokeLocationTokens();
	await run('frederick', fr, {
		resource: 'contact',
		operation: 'get',
		locationId: 'loc_1',
		contactId: 'missing',
	});

	// A trigger refusing forged deliveries.
	const lion = credential(engine, 'loyaltyLionApi');
	const trigger = await activateTrigger(engine, {
		type: 'loyaltyLionTrigger',
		credentials: lion,
		parameters: { authentication: 'apiToken', topics: ['customers/update'], options: {} },
	});
	await box.sim.instances.loyaltylion.deliver(
		'customers/update',
		{ customer: { id: 1 } },
		{ signature: 'Zm9yZ2Vk' },
	);
	await box.sim.instances.loyaltylion.deliver('customers/update', { customer: { id: 1 } });
	await trigger.deactivate();

	// Five wrong credentials and two provider errors after a renewal; the other runs succeed.
	expect(runs.map((r) => Boolean(r.error))).toEqual([
		true,
		true,
		true,
		true,
		true,
		false,
		false,
		false,
		true,
		false,
		true,
	]);
	expect(runs[0].error.message).toMatch(/Cardlytics refused the credential/);
	const log = captured.join('');
	// n8n did log these paths (so the scan is not of an empty log).
	expect(log).toMatch(/debug|renewed|Revalidating|Running node/i);
	const secrets = [...registry.secrets];
	expect(secrets.length).toBeGreaterThan(15);
	const found = secrets.filter((s) => log.includes(s));
	expect(found.map((s) => `${s.slice(0, 4)}…`)).toEqual([]);
});
