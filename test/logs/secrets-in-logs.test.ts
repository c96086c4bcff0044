/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- a test that captures n8n's logger, stdout, stderr and console, run by jest, never loaded by n8n */
// Secret hygiene in logs: n8n's own logging at debug level, captured while every provider goes through its
// failure and renewal paths (wrong secrets, expired and revoked tokens, provider errors, forged webhooks).
// No secret, token or password may appear in the captured log, nor in any output or error (the harness scans
// those for every run of the suite).
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import {
	Engine,
	useSandbox,
	allText,
	activateTrigger,
	type CredentialRef,
	type NodeResult,
} from '../harness';
import { demoCredentials } from '../harness/sandbox';
import { registry } from '../harness/secrets';

// After the imports (the harness's env.ts sets silent when unset), yet before n8n builds its configuration and
// logger: they build themselves on first use, in the hooks and the test below.
process.env.N8N_LOG_LEVEL = 'debug';

/** The simulator controls this test uses (the harness types provider instances as `any`). */
interface Providers {
	cardlytics: { tokens: { expireAll(): void } };
	loyalife: { tokens: { expireAll(): void } };
	frederick: { control: { revokeLocationTokens(): void } };
	loyaltylion: {
		deliver(topic: string, data: IDataObject, tamper?: { signature?: string }): Promise<unknown>;
	};
}

type Level = 'error' | 'warn' | 'info' | 'debug';
type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';

const box = useSandbox();
const providers = () => box.sim.instances as unknown as Providers;
const captured: string[] = [];
let restore: (() => void) | undefined;

beforeAll(() => {
	// n8n's logger is a process-wide singleton (created by whichever test file ran first, maybe at a silent
	// level): wrap its methods so that every message n8n logs is captured, whatever the level.
	const logger = Container.get(Logger);
	const levels: Level[] = ['error', 'warn', 'info', 'debug'];
	const wrapped = levels.map((level) => [level, logger[level]] as const);
	for (const [level, original] of wrapped) {
		logger[level] = function (this: Logger, message, meta) {
			captured.push(`${level}: ${message} ${allText(meta)}\n`);
			return original.call(this, message, meta);
		};
	}
	const write = process.stdout.write.bind(process.stdout);
	const writeErr = process.stderr.write.bind(process.stderr);
	const methods: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];
	const originals = Object.fromEntries(methods.map((m) => [m, console[m]])) as Record<
		ConsoleMethod,
		Console[ConsoleMethod]
	>;
	process.stdout.write = (chunk: unknown) => (captured.push(String(chunk)), true);
	process.stderr.write = (chunk: unknown) => (captured.push(String(chunk)), true);
	for (const m of methods)
		console[m] = (...args: unknown[]) =>
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

function credential(engine: Engine, type: string, override: IDataObject = {}): CredentialRef {
	const c = demoCredentials(box.sim.baseUrl).find((x) => x.type === type);
	if (!c) throw new Error(`No demo credential of type ${type}`);
	return engine.addCredential(c.id, c.type, { ...(c.data as IDataObject), ...override }, c.name);
}

test('debug logs of failures and token renewals across all providers hold no secret', async () => {
	const engine = new Engine();
	const runs: NodeResult[] = [];
	const run = async (type: string, credentials: CredentialRef, parameters: INodeParameters) =>
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
	providers().cardlytics.tokens.expireAll();
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
	providers().loyalife.tokens.expireAll();
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
	providers().frederick.control.revokeLocationTokens();
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
	await providers().loyaltylion.deliver(
		'customers/update',
		{ customer: { id: 1 } },
		{ signature: 'Zm9yZ2Vk' },
	);
	await providers().loyaltylion.deliver('customers/update', { customer: { id: 1 } });
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
	expect(runs[0].error?.message).toMatch(/Cardlytics refused the credential/);
	const log = captured.join('');
	// n8n did log these paths (so the scan is not of an empty log).
	expect(log).toMatch(/debug|renewed|Revalidating|Running node/i);
	const secrets = [...registry.secrets];
	expect(secrets.length).toBeGreaterThan(15);
	const found = secrets.filter((s) => log.includes(s));
	expect(found.map((s) => `${s.slice(0, 4)}…`)).toEqual([]);
});
