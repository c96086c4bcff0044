import {
	buildPath,
	followOnOrigin,
	joinOnOrigin,
	MAX_SEGMENT_LENGTH,
} from '../../nodes/shared/http/path';

describe('the path builder', () => {
	test('each value is exactly one encoded segment, whatever it holds', () => {
		expect(buildPath('/customers/{id}/points', { id: 'a/b?c#d e' })).toBe(
			'/customers/a%2Fb%3Fc%23d%20e/points',
		);
		expect(buildPath('/orders/{id}', { id: 42 })).toBe('/orders/42');
		expect(buildPath('/x/{a}/{b}', { a: '..%2F', b: '@evil.host' })).toBe(
			'/x/..%252F/%40evil.host',
		);
	});

	test('values that would change the path after encoding, or are no ID, are refused naming the placeholder', () => {
		for (const bad of ['', '  ', '.', '..', 'x'.repeat(MAX_SEGMENT_LENGTH + 1)])
			expect(() => buildPath('/customers/{merchant_id}', { merchant_id: bad })).toThrow(
				/\(the path's \{merchant_id\}\)$/,
			);
		for (const bad of [
			NaN,
			Infinity,
			{} as unknown as string,
			[] as unknown as string,
			null as unknown as string,
		])
			expect(() => buildPath('/orders/{id}', { id: bad })).toThrow(/must be an ID|is empty/);
		expect(() => buildPath('/orders/{id}', {})).toThrow(/no value given for \{id\}/);
		expect(buildPath('/ok/{id}', { id: 'x'.repeat(MAX_SEGMENT_LENGTH) })).toHaveLength(
			4 + MAX_SEGMENT_LENGTH,
		);
	});
});

describe('origins', () => {
	test('a URL the provider gave is followed only on the base origin', () => {
		expect(followOnOrigin('https://api.example.com/v2', '/v2/page?cursor=1').url).toBe(
			'https://api.example.com/v2/page?cursor=1',
		);
		expect(followOnOrigin('https://api.example.com/v2', 'https://api.example.com/x').url).toBe(
			'https://api.example.com/x',
		);
		const away = followOnOrigin('https://api.example.com/v2', 'https://evil.example.net/x');
		expect(away).toEqual({
			url: undefined,
			foundOrigin: 'https://evil.example.net',
			expectedOrigin: 'https://api.example.com',
		});
		expect(followOnOrigin('https://api.example.com', '//evil.example.net/x').url).toBeUndefined();
		expect(
			followOnOrigin('https://api.example.com', 'http://api.example.com/x').url,
		).toBeUndefined();
	});

	test('base + path must stay on the base origin', () => {
		expect(joinOnOrigin('https://api.example.com', '/v1/x').url).toBe(
			'https://api.example.com/v1/x',
		);
		expect(joinOnOrigin('https://api.example.com', '@evil.host/x').url).toBeUndefined();
		expect(joinOnOrigin('https://api.example.com', '.evil.host/x').url).toBeUndefined();
		expect(joinOnOrigin('https://api.example.com:8443', ':9/x').url).toBeUndefined();
	});
});
