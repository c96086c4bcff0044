import { sleep } from 'n8n-workflow';
import {
	AdaptiveFlow,
	flowFor,
	resetFlows,
	START_RATE,
	type Ticket,
} from '../../nodes/shared/flow/flow';

// The flows wait with timers; fake timers (Date included) let these tests step through seconds exactly.
beforeEach(() => {
	jest.useFakeTimers({ now: 1_000_000 });
	resetFlows();
});
afterEach(() => jest.useRealTimers());

/** Acquires `n` tickets at once; returns them in the order they were granted, with the (fake) time of each. */
async function grants(
	flow: { acquire(): Promise<Ticket> },
	n: number,
	stepMs = 10,
	untilMs = 5000,
) {
	const granted: Array<{ at: number; ticket: Ticket }> = [];
	for (let i = 0; i < n; i++)
		void flow.acquire().then((ticket) => granted.push({ at: Date.now(), ticket }));
	for (let t = 0; t < untilMs && granted.length < n; t += stepMs)
		await jest.advanceTimersByTimeAsync(stepMs);
	return granted;
}

/**
 * A provider that counts arrivals in a sliding window (`limit` per second, 0 for none; refused requests counted
 * only with `countsRefused`), `workers` items in flight sending `total` requests through `flow`, each way taking `oneWayMs()`.
 * Returns every accepted arrival's time, the 429s and how long after the start the last answer came.
 */
async function drive(
	flow: { acquire(): Promise<Ticket> },
	{
		total,
		workers = 8,
		oneWayMs,
		limit = 0,
		countsRefused = false,
	}: {
		total: number;
		workers?: number;
		oneWayMs: () => number;
		limit?: number;
		countsRefused?: boolean;
	},
) {
	const arrivals: number[] = [];
	/** What the provider counts in its window: the accepted arrivals, and the refused ones if it counts them. */
	const counted: number[] = [];
	let throttled = 0;
	let left = total;
	let answered = 0;
	const start = Date.now();
	let lastAnswerAt = start;
	const trip = async (ms: number) => await sleep(ms);
	const worker = async () => {
		while (left > 0) {
			left--;
			for (;;) {
				const ticket = await flow.acquire();
				ticket.sent();
				await trip(oneWayMs());
				const now = Date.now();
				const refused = limit > 0 && counted.filter((t) => now - t < 1000).length >= limit;
				if (!refused) arrivals.push(now);
				if (!refused || countsRefused) counted.push(now);
				await trip(oneWayMs());
				ticket.done(refused ? 'throttled' : 'ok');
				if (!refused) break;
				throttled++;
			}
			answered++;
			lastAnswerAt = Date.now();
		}
	};
	const all = Promise.all(Array.from({ length: workers }, worker));
	for (let t = 0; t < 600_000 && answered < total; t += 1000) {
		await jest.advanceTimersByTimeAsync(1000);
	}
	await all;
	return { arrivals, throttled, ms: lastAnswerAt - start };
}

/** The most arrivals in any window of `perMs` (a window starting at each arrival). */
function busiest(arrivals: number[], perMs: number): number {
	const sorted = [...arrivals].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[j] - sorted[i] < perMs && j < sorted.length) j++;
		most = Math.max(most, j - i);
	}
	return most;
}

/** A deterministic pseudo-random sequence in [0, 1) (the same jitter on every run). */
function seeded(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

describe('flow control', () => {
	test('a documented rate is counted from when each request can arrive, not from its answer: 1000 requests within 1.03× the bound, none over the window', async () => {
		const flow = flowFor('doc|arrivals', { documented: { requests: 20, perMs: 1000 } });
		// 100 ms round trips: counted from the answers, each slot would cost 1.1 s (1.10× the bound).
		const { arrivals, ms } = await drive(flow, { total: 1000, oneWayMs: () => 50 });
		expect(arrivals).toHaveLength(1000);
		expect(busiest(arrivals, 1000)).toBeLessThanOrEqual(20);
		expect(ms).toBeLessThanOrEqual(1.03 * (1000 / 20) * 1000);
	});

	test('a documented rate with jittered trips (20-80 ms each way): no window of the provider holds more than the rate', async () => {
		const random = seeded(28);
		const flow = flowFor('doc|jitter', { documented: { requests: 20, perMs: 1000 } });
		const { arrivals, ms } = await drive(flow, {
			total: 600,
			oneWayMs: () => 20 + Math.floor(random() * 60),
		});
		expect(arrivals).toHaveLength(600);
		expect(busiest(arrivals, 1000)).toBeLessThanOrEqual(20);
		// The spread (up to 120 ms of round trip) is what a slot costs over the window, not more.
		expect(ms).toBeLessThanOrEqual(1.15 * (600 / 20) * 1000);
	});

	test('an undisclosed limit is used to at least 95% with at most 1% of requests answered 429 (issue 28), low limits included', async () => {
		for (const limit of [5, 10, 20, 40, 60]) {
			resetFlows();
			const flow = flowFor(`adaptive|hidden${limit}`, { maxPerSecond: 100 }) as AdaptiveFlow;
			const { arrivals, throttled, ms } = await drive(flow, {
				total: 1000,
				oneWayMs: () => 50,
				limit,
			});
			expect(arrivals).toHaveLength(1000);
			// Reached: 99.1%, 98.9%, 98.5%, 97.4%, 95.2% with 6, 6, 7, 7, 6 429s. Cut to 95% of what was accepted
			// and slow start led by a second's count of answers: 98.7%, 98.4%, 98.0%, 95.9%, 92.7% with 8, 7, 7, 5, 5.
			expect((1000 / ms) * 1000).toBeGreaterThanOrEqual(0.95 * limit);
			expect(throttled).toBeLessThanOrEqual(0.01 * 1000);
		}
	});

	// Whether a provider counts the requests it refuses is not public: refused places stay in the window. Given
	// back, the 40/s case above reached 97.9%, but against this provider 10/s fell to 75% (each refusal refused
	// the next).
	test('a provider that counts the requests it refuses as well: the limit is still used to 95%, with under 2% answered 429', async () => {
		for (const limit of [10, 40]) {
			resetFlows();
			const flow = flowFor(`adaptive|counts${limit}`, { maxPerSecond: 100 }) as AdaptiveFlow;
			const { arrivals, throttled, ms } = await drive(flow, {
				total: 1000,
				oneWayMs: () => 50,
				limit,
				countsRefused: true,
			});
			expect(arrivals).toHaveLength(1000);
			expect((1000 / ms) * 1000).toBeGreaterThanOrEqual(0.95 * limit);
			expect(throttled).toBeLessThanOrEqual(0.02 * 1000);
		}
	});

	test('under a hidden limit above the credential ceiling, the ceiling is kept and no 429 is provoked', async () => {
		const flow = flowFor('adaptive|ceiling', { maxPerSecond: 15 }) as AdaptiveFlow;
		const { arrivals, throttled } = await drive(flow, {
			total: 300,
			oneWayMs: () => 50,
			limit: 40,
		});
		expect(arrivals).toHaveLength(300);
		expect(throttled).toBe(0);
		expect(busiest(arrivals, 1000)).toBeLessThanOrEqual(15);
	});

	test('a documented rate: never more than its requests in any window, counted from the answers', async () => {
		const flow = flowFor('doc|cred', { documented: { requests: 5, perMs: 1000 } });
		const start = Date.now();
		// Six ask at the same moment: five go, the sixth waits while the five are unanswered, and for a full
		// window after their answers.
		const granted: Array<{ at: number; ticket: Ticket }> = [];
		for (let i = 0; i < 6; i++)
			void flow.acquire().then((ticket) => granted.push({ at: Date.now(), ticket }));
		await jest.advanceTimersByTimeAsync(500);
		expect(granted).toHaveLength(5);
		for (const g of granted.slice()) g.ticket.done('ok');
		for (let t = 0; t < 3000 && granted.length < 6; t += 10)
			await jest.advanceTimersByTimeAsync(10);
		expect(granted[5].at - start).toBeGreaterThanOrEqual(1500);
	});

	test('a Retry-After holds every request of the credential', async () => {
		const flow = flowFor('doc|hold', { documented: { requests: 100, perMs: 1000 } });
		const [one] = await grants(flow, 1);
		const held = Date.now();
		one.ticket.done('throttled', 2000);
		const [next] = await grants(flow, 1, 10, 5000);
		expect(next.at - held).toBeGreaterThanOrEqual(2000);
	});

	test('a documented rate under 429s (another process spends it): its share is cut, then grows back', async () => {
		const flow = flowFor('doc|shared', { documented: { requests: 10, perMs: 1000 } });
		/** How many of 12 requests the flow grants in one window; every ticket is then answered cleanly. */
		const windowSize = async () => {
			const got = await grants(flow, 12, 10, 500);
			const granted = got.length;
			const answered = new Set<Ticket>();
			const answer = () => {
				for (const g of got) {
					if (answered.has(g.ticket)) continue;
					answered.add(g.ticket);
					g.ticket.done('ok');
				}
			};
			answer();
			for (let t = 0; t < 5000 && answered.size < 12; t += 50) {
				await jest.advanceTimersByTimeAsync(50);
				answer();
			}
			await jest.advanceTimersByTimeAsync(1100);
			return granted;
		};
		const first = await grants(flow, 10);
		expect(first).toHaveLength(10);
		// Two 429s in the same second: one cut, to 85% (8 requests a window).
		first[0].ticket.done('throttled');
		first[1].ticket.done('throttled');
		for (const g of first.slice(2)) g.ticket.done('ok');
		await jest.advanceTimersByTimeAsync(1100);
		expect(await windowSize()).toBe(8);
		// Clean answers grow it back to the documented 10, never above.
		for (let round = 0; round < 10; round++) await windowSize();
		expect(await windowSize()).toBe(10);
	});

	test('an undisclosed rate starts at the slow-start rate, grows on clean answers and is cut by a 429', async () => {
		const flow = flowFor('adaptive|cred', { maxPerSecond: 50 }) as AdaptiveFlow;
		expect(flow.rate).toBe(START_RATE);
		const burst = await grants(flow, START_RATE + 1, 10, 1000);
		// Only the slow-start rate goes out in a second, spaced evenly (no burst); the next waits for room.
		expect(burst).toHaveLength(START_RATE);
		for (let i = 1; i < burst.length; i++)
			expect(burst[i].at - burst[i - 1].at).toBeGreaterThanOrEqual(1000 / START_RATE);
		for (const g of burst) g.ticket.done('ok');
		// One more per clean answer, once the rate is at most 1.25 times the rate of answers (over the last 250
		// ms: 4 per answer) plus 10: from the 2nd answer on, as all come at the same moment.
		expect(flow.rate).toBe(START_RATE + (START_RATE - 1));
		// Two more go out at the grown rate; both come back 429 at the same moment.
		const [one, two] = await grants(flow, 2, 10, 3000);
		one.ticket.done('throttled');
		// What the provider accepted in the last second (START_RATE answers): more than half the rate.
		expect(flow.rate).toBe(START_RATE);
		expect(flow.stats).toMatchObject({ throttled: 1, decreases: 1 });
		// The second 429 within the guard second carries the same news: no second cut.
		two.ticket.done('throttled');
		expect(flow.rate).toBe(START_RATE);
		expect(flow.stats).toMatchObject({ throttled: 2, decreases: 1 });
		// Requests are spaced evenly at the new rate.
		const spaced = await grants(flow, 3, 5, 5000);
		expect(spaced[2].at - spaced[1].at).toBeGreaterThanOrEqual(Math.floor(1000 / START_RATE));
	});

	test('a 429 just after a pause: the few answers since are not taken for the limit', async () => {
		const flow = flowFor('adaptive|pause', { maxPerSecond: 50 }) as AdaptiveFlow;
		// A first spell: 20 answered in a second, then a 429 measures the limit at 20.
		const first = await grants(flow, START_RATE + 1, 10, 1000);
		for (const g of first) g.ticket.done('ok');
		const [over] = await grants(flow, 1, 10, 3000);
		over.ticket.done('throttled');
		expect(flow.rate).toBe(START_RATE);
		// Five seconds without a request, then three: two answered, the third refused (another process spends
		// the account now). Two answers in the last second are not the limit: half the old rate is kept.
		await jest.advanceTimersByTimeAsync(5000);
		const after = await grants(flow, 3, 10, 1000);
		after[0].ticket.done('ok');
		after[1].ticket.done('ok');
		after[2].ticket.done('throttled');
		expect(flow.rate).toBeCloseTo(START_RATE / 2, 1);
		expect(flow.stats.decreases).toBe(2);
	});

	test('the ceiling the credential sets is never passed; a changed setting starts a new flow', () => {
		const low = flowFor('adaptive|x', { maxPerSecond: 3 }) as AdaptiveFlow;
		expect(low.rate).toBe(3);
		expect(flowFor('adaptive|x', { maxPerSecond: 3 })).toBe(low);
		expect(flowFor('adaptive|x', { maxPerSecond: 4 })).not.toBe(low);
	});
});
