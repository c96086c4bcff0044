/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/require-node-api-error -- an end-to-end test that drives a real n8n process and a browser (its owner password is a throwaway test account), never loaded by n8n */
// The n8n editor in a real browser (Debian's Chromium, headless, driven by playwright-core): the packed pack
// installed into a fresh n8n, an owner account set up, every node searched in the node panel, added to the
// canvas, opened with its fields, and its credential form opened. Screenshots (JPEG, so `n8n-node build`,
// which copies PNG files, never ships them) go to test-artifacts/editor/.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import {
	ensureRuntime,
	N8N_VERSION,
	N8nInstance,
	instanceWithPack,
	startSandbox,
	demoCredentials,
	type Simulator,
} from './harness';
import type { N8nJson } from './rest';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'editor');
const OWNER = {
	email: 'editor-test@n8n-nodes-loyalty.local',
	firstName: 'Editor',
	lastName: 'Test',
	password: 'Editor-test-password-1',
};

/** A request the simulator received. */
type LoggedRequest = Simulator['stats']['log'][number];

/** The parts of an <img> the page functions read (this TypeScript has no DOM library). */
interface Img {
	complete: boolean;
	naturalWidth: number;
	addEventListener(type: 'load' | 'error', listener: () => void): void;
}

/** A node type or credential type as n8n lists it in /types/*.json (the fields read here). */
interface Listed {
	name: string;
	displayName: string;
	iconUrl?: { light?: string; dark?: string };
}

/** Each node: how a user finds it, the action they pick, a field its form must show, its credential form's fields. */
const NODES: Array<{
	file: string;
	search: string;
	action: string;
	label: string;
	credential: string;
	credentialFields: string[];
}> = [
	{
		file: 'cardlytics',
		search: 'Cardlytics',
		action: 'Create or update a merchant',
		label: 'External Merchant ID',
		credential: 'Cardlytics OAuth2 API',
		credentialFields: ['clientId', 'clientSecret', 'environment'],
	},
	{
		file: 'loyaltylion',
		search: 'LoyaltyLion',
		action: 'Add points to a customer',
		label: 'Customer',
		// A node added now is version 1.1: its credential is the API key.
		credential: 'LoyaltyLion API',
		credentialFields: ['apiKey', 'siteSecret', 'apiBaseUrl', 'requestsPerSecond'],
	},
	{
		file: 'loyaltylion-trigger',
		search: 'LoyaltyLion',
		action: 'On new LoyaltyLion event',
		label: 'Topics',
		credential: 'LoyaltyLion API',
		credentialFields: ['apiKey', 'siteSecret'],
	},
	{
		file: 'loyalife',
		search: 'Loyalife',
		action: 'Create a member',
		label: 'Relation Reference',
		credential: 'Loyalife API',
		credentialFields: [
			'baseUrl',
			'clientId',
			'clientSecret',
			'programId',
			'memberReference',
			'transactionCurrency',
			'relationType',
			'timeZone',
		],
	},
	{
		file: 'loyalistic',
		search: 'Loyalistic',
		action: 'Create a contact',
		label: 'Email',
		credential: 'Loyalistic OAuth2 API',
		credentialFields: ['apiBaseUrl', 'accessTokenUrl', 'clientId', 'clientSecret'],
	},
	{
		file: 'frederick',
		search: 'Frederick',
		action: 'Create a contact',
		label: 'Contact Fields',
		credential: 'Frederick API',
		credentialFields: [
			'environment',
			'apiKey',
			'clientId',
			'clientSecret',
			'email',
			'password',
			'dataSourceName',
			'userGrantPath',
			'locationGrantPath',
		],
	},
];

let n8n: N8nInstance;
let browser: Browser;
let cookie: string;
let sim: Simulator;

beforeAll(async () => {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const runtime = await ensureRuntime({ log: (line: string) => process.stdout.write(line + '\n') });
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-loyalty-editor-'));
	n8n = instanceWithPack({ runtime, name: 'editor', home });
	sim = await startSandbox({ port: 0 });
	await n8n.start();
	const setup = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	expect(setup.status).toBe(200);
	const setCookie = setup.headers.get('set-cookie');
	if (!setCookie) throw new Error('n8n set up the owner without a session cookie');
	cookie = setCookie.split(';')[0];
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
		],
	});
}, 900_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await sim?.stop();
});

test('n8n lists every node (and its AI tool variant) and every credential, each with an icon it serves', async () => {
	const nodes = (await (
		await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie } })
	).json()) as Listed[];
	const ours = nodes.filter((n) => n.name.startsWith('n8n-nodes-loyalty.'));
	const names = ours.map((n) => n.displayName).sort();
	expect(names).toEqual(
		[
			'Cardlytics',
			'Cardlytics Tool',
			'Cardlytics Trigger',
			'Frederick',
			'Frederick Tool',
			'Frederick Trigger',
			'Loyalife',
			'Loyalife Tool',
			'Loyalife Trigger',
			'Loyalistic',
			'Loyalistic Tool',
			'Loyalistic Trigger',
			'LoyaltyLion',
			'LoyaltyLion Tool',
			'LoyaltyLion Trigger',
			'LoyaltyLion Polling Trigger',
		].sort(),
	);
	// The output schemas the editor previews before a node ran (n8n 2.x serves them from the package).
	if (!N8N_VERSION.startsWith('1.')) {
		const schema = await fetch(
			`${n8n.url}/schemas/n8n-nodes-loyalty.loyaltyLion/1/customer/getMany.json`,
			{ headers: { cookie } },
		);
		expect(schema.status).toBe(200);
		expect(Object.keys(((await schema.json()) as N8nJson).properties)).toEqual(
			expect.arrayContaining(['email', 'merchant_id', 'points_approved', 'tier']),
		);
		const none = await fetch(
			`${n8n.url}/schemas/n8n-nodes-loyalty.loyaltyLion/1/customer/nothing.json`,
			{ headers: { cookie } },
		);
		expect(none.status).toBe(404);
	}
	const credentials = (await (
		await fetch(`${n8n.url}/types/credentials.json`, { headers: { cookie } })
	).json()) as Listed[];
	const ourCredentials = credentials.filter((c) =>
		[
			'cardlyticsOAuth2Api',
			'loyaltyLionApi',
			'loyaltyLionApiKeyApi',
			'loyaltyLionOAuth2Api',
			'loyalifeApi',
			'loyalisticOAuth2Api',
			'frederickApi',
		].includes(c.name),
	);
	expect(ourCredentials).toHaveLength(7);
	for (const item of [...ours, ...ourCredentials]) {
		for (const variant of ['light', 'dark'] as const) {
			const url = item.iconUrl?.[variant];
			expect(url).toMatch(/^icons\/n8n-nodes-loyalty\/dist\/icons\/[a-z]+(\.dark)?\.svg$/);
			const icon = await fetch(`${n8n.url}/${url}`, { headers: { cookie } });
			expect(icon.status).toBe(200);
			expect(await icon.text()).toMatch(/^<svg /);
		}
	}
});

describe('in the editor', () => {
	for (const spec of NODES) {
		test(`${spec.file}: found in the node panel with its icon, opened with its fields and its credential form`, async () => {
			const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
			const [name, value] = cookie.split('=');
			await context.addCookies([{ name, value, url: n8n.url }]);
			const page = await context.newPage();
			const shot = (step: string) =>
				page.screenshot({
					path: path.join(ARTIFACTS, `${spec.file}-${step}.${process.env.E2E_PNG ? 'png' : 'jpg'}`),
					type: process.env.E2E_PNG ? 'png' : 'jpeg',
					...(process.env.E2E_PNG ? {} : { quality: 70 }),
				});
			try {
				await page.goto(`${n8n.url}/workflow/new`);
				await page.click('[data-test-id=canvas-add-button]');
				await page.fill('[data-test-id=node-creator-search-bar]', spec.search);
				const item = page
					.locator('[data-test-id=node-creator-item-name]', {
						hasText: new RegExp(`^${spec.search}$`),
					})
					.first();
				await item.waitFor();
				// The icon is the image of the nearest element around the name that holds one.
				const icon = item.locator('xpath=ancestor::*[.//img][1]').locator('img').first();
				await expect(icon.getAttribute('src')).resolves.toMatch(/n8n-nodes-loyalty\/dist\/icons\//);
				// Wait for the icon to finish loading (the first panel of a fresh editor may still be fetching it).
				await expect(
					icon.evaluate((img: Img) =>
						img.complete
							? img.naturalWidth > 0
							: new Promise<boolean>((resolve) => {
									img.addEventListener('load', () => resolve(img.naturalWidth > 0));
									img.addEventListener('error', () => resolve(false));
								}),
					),
				).resolves.toBe(true);
				await shot('1-node-panel');
				await item.click();
				// The node's page in the panel lists its triggers and actions; a long action list starts folded.
				const action = page.getByText(spec.action, { exact: true }).first();
				await page.waitForTimeout(500);
				if (!(await action.isVisible()))
					await page
						.getByText(/^Actions \(\d+\)$/)
						.first()
						.click();
				await action.click();

				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				await ndv.getByText(spec.label, { exact: true }).first().waitFor();
				// n8n 2.x shows the credential's icon in the node's credential slot; n8n 1.x shows none there (its
				// credential form, below, still does).
				if (!N8N_VERSION.startsWith('1.'))
					await expect(
						ndv
							.locator('[data-test-id=node-credentials-slot] img')
							.first()
							.evaluate((img: Img) => img.naturalWidth > 0),
					).resolves.toBe(true);
				await shot('2-node-fields');

				if (N8N_VERSION.startsWith('1.')) {
					// n8n 1.x: the slot is a select whose first option creates a credential.
					await page.locator('[data-test-id=node-credentials-select]').first().click();
					await page.locator('[data-test-id=node-credentials-select-item-new]').first().click();
				} else {
					await page.locator('[data-test-id=node-credentials-slot] button').first().click();
				}
				const dialog = page.locator('[data-test-id=credential-edit-dialog]');
				await dialog.waitFor();
				const modal = page.locator('[data-test-id=editCredential-modal]');
				await modal.getByText(spec.credential, { exact: true }).first().waitFor();
				for (const field of spec.credentialFields)
					await dialog.locator(`[data-test-id=parameter-input-${field}]`).first().waitFor();
				await expect(
					modal
						.locator('img')
						.first()
						.evaluate((img: Img) => img.naturalWidth > 0),
				).resolves.toBe(true);
				await shot('3-credential-form');
			} catch (error) {
				await shot('failure');
				throw error;
			} finally {
				await context.close();
			}
		});
	}
});

test("each credential's Test button (n8n's credential test) passes with good secrets and explains bad ones", async () => {
	// Saved now (not before), so the editor tests above saw a fresh instance with no credential yet.
	await n8n.importCredentials(demoCredentials(sim.baseUrl));
	const results: Record<string, N8nJson> = {};
	for (const credential of demoCredentials(sim.baseUrl)) {
		// The OAuth2 authorization-code credential can only be tested once connected (n8n's rule).
		if (credential.type === 'loyaltyLionOAuth2Api') continue;
		// The wrong secret first: n8n 1.x tests an OAuth2 credential with a token it stored from an earlier test.
		for (const variant of ['bad', 'good']) {
			const data = { ...credential.data };
			if (variant === 'bad')
				for (const key of ['clientSecret', 'secret', 'password', 'apiKey'])
					if (data[key]) data[key] = `wrong-${key}`;
			const answer = await fetch(`${n8n.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', cookie },
				body: JSON.stringify({
					credentials: { id: credential.id, name: credential.name, type: credential.type, data },
				}),
			});
			results[`${credential.type} ${variant}`] = ((await answer.json()) as N8nJson).data;
		}
	}
	// n8n 1.x tests a saved OAuth2 client-credentials credential with the secret it has stored, not the one
	// typed in the form (seen: the token request carried the stored secret), so a wrong secret typed there
	// cannot fail the test on 1.x; n8n 2.x uses what was typed.
	const oauth1x = (key: string) =>
		N8N_VERSION.startsWith('1.') && /^(cardlytics|loyalistic)OAuth2Api bad$/.test(key);
	for (const [key, result] of Object.entries(results)) {
		if (key.endsWith('good') || oauth1x(key))
			expect([key, result]).toEqual([key, { status: 'OK', message: 'Connection successful!' }]);
		else expect([key, result.status]).toEqual([key, 'Error']);
	}
	expect(results['loyalifeApi bad'].message).toMatch(
		/Loyalife refused the credential: Invalid client_id or client_secret/,
	);
	expect(results['frederickApi bad'].message).toMatch(/Frederick refused the credential/);
	if (!N8N_VERSION.startsWith('1.'))
		expect(results['cardlyticsOAuth2Api bad'].message).toMatch(
			/Failed to acquire OAuth2 access token/,
		);
	// n8n's own wording for a 401 to a credential test (2.x: "Unauthorized", 1.x: "Authorization failed - please check your credentials").
	expect(results['loyaltyLionApi bad'].message).toMatch(
		/Unauthorized|Authorization failed - please check your credentials/,
	);
});

/**
 * A record picked From List in the real editor: the node opened in a saved workflow with the demo credential,
 * the resource locator's list opened, a search typed, the record picked, the node executed from the editor;
 * the simulator must then have received the picked record's ID. Cardlytics lists none of its records (its
 * IDs are the partner's own): its fields are By ID only.
 */
const LOCATORS: Array<{
	file: string;
	node: { type: string; credential: string; parameters: Record<string, unknown> };
	field: string;
	search: string;
	pick: string;
	request: (r: LoggedRequest) => boolean;
}> = [
	{
		file: 'loyaltylion',
		node: {
			type: 'n8n-nodes-loyalty.loyaltyLion',
			credential: 'loyaltyLionApi',
			parameters: { authentication: 'apiToken', resource: 'points', operation: 'add', points: 5 },
		},
		field: 'merchantId',
		search: 'shopper7@example.com',
		pick: 'shopper7@example.com (cust-7)',
		request: (r) =>
			r.provider === 'loyaltylion' &&
			r.method === 'POST' &&
			r.path.endsWith('/customers/cust-7/points'),
	},
	{
		file: 'loyalistic',
		node: {
			type: 'n8n-nodes-loyalty.loyalistic',
			credential: 'loyalisticOAuth2Api',
			parameters: { resource: 'list', operation: 'addContacts', contactIds: '3' },
		},
		field: 'listId',
		search: 'newsl',
		pick: 'Newsletter',
		request: (r) =>
			r.provider === 'loyalistic' && r.method === 'POST' && r.path.endsWith('/lists/1/contacts'),
	},
	{
		file: 'frederick',
		node: {
			type: 'n8n-nodes-loyalty.frederick',
			credential: 'frederickApi',
			parameters: {
				resource: 'contact',
				operation: 'get',
				locationId: { __rl: true, mode: 'id', value: 'loc_1' },
			},
		},
		field: 'contactId',
		search: 'client5@example.com',
		pick: 'Client5 Example <client5@example.com>',
		request: (r) =>
			r.provider === 'frederick' &&
			r.method === 'GET' &&
			r.path.endsWith('/v2/locations/loc_1/contacts/ct_5'),
	},
	{
		file: 'loyalife',
		node: {
			type: 'n8n-nodes-loyalty.loyalife',
			credential: 'loyalifeApi',
			parameters: { resource: 'points', operation: 'getExpirySchedule' },
		},
		field: 'relationReference',
		search: 'member3@example.com',
		pick: 'Member 3 · member3@example.com (MEM0003)',
		request: (r) =>
			r.provider === 'loyalife' &&
			r.path.includes('GetExpirySchedule') &&
			r.body?.RelationReference === 'MEM0003',
	},
];

describe('a record picked From List in the editor is the one the node sends', () => {
	// The demo credentials, saved (again: importing the same IDs replaces them) for these tests to run alone too.
	beforeAll(async () => {
		await n8n.importCredentials(demoCredentials(sim.baseUrl));
	}, 120_000);

	for (const spec of LOCATORS) {
		test(`${spec.file}: search, pick, execute`, async () => {
			const credential = demoCredentials(sim.baseUrl).find((c) => c.type === spec.node.credential);
			if (!credential) throw new Error(`no demo credential of type ${spec.node.credential}`);
			const workflow = {
				name: `Pick from list: ${spec.file}`,
				active: false, // n8n 1.x requires it
				nodes: [
					{
						id: 'trigger',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'node',
						name: 'Node',
						type: spec.node.type,
						typeVersion: 1,
						position: [240, 0],
						parameters: {
							...spec.node.parameters,
							[spec.field]: { __rl: true, mode: 'list', value: '' },
						},
						credentials: { [spec.node.credential]: { id: credential.id, name: credential.name } },
					},
				],
				connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
				settings: {},
			};
			const created = await fetch(`${n8n.url}/rest/workflows`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', cookie },
				body: JSON.stringify(workflow),
			});
			expect([created.status, created.status === 200 ? '' : await created.text()]).toEqual([
				200,
				'',
			]);
			const { id } = ((await created.json()) as N8nJson).data;
			const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
			const [name, value] = cookie.split('=');
			await context.addCookies([{ name, value, url: n8n.url }]);
			const page = await context.newPage();
			const png = Boolean(process.env.E2E_PNG);
			const shot = (step: string) =>
				page.screenshot({
					path: path.join(ARTIFACTS, `${spec.file}-locator-${step}.${png ? 'png' : 'jpg'}`),
					type: png ? 'png' : 'jpeg',
					...(png ? {} : { quality: 70 }),
				});
			try {
				await page.goto(`${n8n.url}/workflow/${id}`);
				await page.locator('[data-test-id=canvas-node]', { hasText: 'Node' }).first().dblclick();
				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				const locator = ndv.locator(`[data-test-id=resource-locator-${spec.field}]`);
				await locator.locator('[data-test-id=rlc-input]').first().click();
				// The open list: a search box over the records the node's listSearch method returned.
				const search = page.getByPlaceholder('Search...').filter({ visible: true }).first();
				await search.waitFor();
				// Let the unfiltered first page arrive before searching: n8n 1.x shows whichever answer comes last, and
				// a slow first page could replace the search's results (seen once on 1.123.81). Loyalife lists nothing
				// until a search is typed.
				if (spec.file !== 'loyalife')
					await page
						.locator('[data-test-id=rlc-item]')
						.filter({ visible: true })
						.first()
						.waitFor({ timeout: 15_000 });
				await search.fill(spec.search);
				const item = page
					.locator('[data-test-id=rlc-item]', { hasText: spec.pick })
					.filter({ visible: true })
					.first();
				await item.waitFor({ timeout: 20_000 });
				await shot('1-open-list');
				sim.stats.reset();
				await item.click();
				await shot('2-picked');
				await ndv.locator('[data-test-id=node-execute-button]').first().click();
				// The request the node sent, as the simulator received it.
				const deadline = Date.now() + 30_000;
				while (!sim.stats.log.some(spec.request) && Date.now() < deadline)
					await page.waitForTimeout(250);
				await shot('3-executed');
				expect(sim.stats.log.filter(spec.request).length).toBeGreaterThanOrEqual(1);
			} catch (error) {
				await shot('failure');
				throw error;
			} finally {
				await context.close();
			}
		}, 120_000);
	}
});
