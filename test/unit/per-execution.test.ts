// A transport's settings from its credential: read once per execution and credential type, not per item.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { credentialSettings } from '../../nodes/shared/http/per-execution';
import type { RequestContext } from '../../nodes/shared/http/types';

/** An execution whose stored credentials are `byType`; `reads` counts what n8n was asked. */
function execution(byType: Record<string, ICredentialDataDecryptedObject>) {
	const reads: string[] = [];
	const ctx = {
		getCredentials: async (type: string) => {
			reads.push(type);
			const data = byType[type];
			if (!data) throw new Error(`no ${type} credential`);
			return data;
		},
	};
	return { ctx: ctx as unknown as RequestContext, reads };
}

describe('credentialSettings', () => {
	const baseOf = credentialSettings((c) => String(c.apiBaseUrl).replace(/\/+$/, ''));

	test('one read per execution and credential type, however many requests ask', async () => {
		const { ctx, reads } = execution({
			a: { apiBaseUrl: 'https://a.test/v1/' },
			b: { apiBaseUrl: 'https://b.test' },
		});
		const bases = await Promise.all([
			baseOf(ctx, 'a'),
			baseOf(ctx, 'a'),
			baseOf(ctx, 'b'),
			baseOf(ctx, 'a'),
		]);
		expect(bases).toEqual([
			'https://a.test/v1',
			'https://a.test/v1',
			'https://b.test',
			'https://a.test/v1',
		]);
		expect(reads).toEqual(['a', 'b']);
	});

	test('another execution reads the credential again (it may have been edited in between)', async () => {
		const first = execution({ a: { apiBaseUrl: 'https://old.test' } });
		const second = execution({ a: { apiBaseUrl: 'https://new.test' } });
		expect(await baseOf(first.ctx, 'a')).toBe('https://old.test');
		expect(await baseOf(second.ctx, 'a')).toBe('https://new.test');
		expect([first.reads, second.reads]).toEqual([['a'], ['a']]);
	});

	test('a setting the transport refuses fails every request of the execution the same way', async () => {
		const strict = credentialSettings((c) => {
			if (!/^\d+$/.test(String(c.programId))) throw new Error('Program ID must be a whole number');
			return Number(c.programId);
		});
		const { ctx, reads } = execution({ a: { programId: 'x1' } });
		await expect(strict(ctx, 'a')).rejects.toThrow('Program ID must be a whole number');
		await expect(strict(ctx, 'a')).rejects.toThrow('Program ID must be a whole number');
		expect(reads).toEqual(['a']);
	});
});
