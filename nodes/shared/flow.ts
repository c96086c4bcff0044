import { sleep } from 'n8n-workflow';

/**
 * Flow control per credential: how fast the requests of one stored credential go out, across all the items
 * of an execution (and across executions in the same n8n process).
 *
 * - A provider that documents its rate (LoyaltyLion: 20 requests per second) has it kept exactly: a sliding
 *   window counted from the moment each answer arrived, so the provider, which counts arrivals, never sees more
 *   than the rate and no 429 is provoked.
 * - A provider that does not (Loyalistic, Loyalife, Frederick, Cardlytics) has its limit found as TCP finds a
 *   link's capacity (AIMD). Slow start: up to 10 requests in any second, one more for each clean answer (so
 *   the rate doubles each second while the items in flight keep up). The first "429 Too Many Requests" ends
 *   it: from then on requests are spaced evenly, the rate grows by half a request per second each second of
 *   clean answers, and each 429 cuts it to 85% of what the provider accepted in the last second (at most once
 *   a second: the answers already on their way carry the same news). The rate never exceeds the ceiling the
 *   user set on the credential (Max Requests per Second, 100 unless set).
 *
 * It only paces: correctness never depends on it. A 429 is still retried by the request core (the provider
 * refused the request before doing anything), and a Retry-After holds every request of the credential.
 */

/** Requests per second an adaptive flow starts at. */
export const START_RATE = 10;
/** The ceiling when the credential sets none, requests per second. */
export const DEFAULT_MAX_RATE = 100;
/** The floor an adaptive flow never goes under, requests per second. */
const MIN_RATE = 1;
/** After a 429, the new rate is this share of what the provider accepted in the last second. */
const DECREASE = 0.85;
/** Slow start: rate added per clean answer (so the rate grows by half each second). */
const SLOW_START_GAIN = 0.5;
/** Congestion avoidance: requests per second added each second of clean answers. */
const INCREASE_PER_SECOND = 0.25;
/** Decreases are at most this often: the answers already on their way carry the same news. */
const DECREASE_GUARD_MS = 1000;

export type Outcome = 'ok' | 'throttled' | 'other';

export interface FlowSettings {
	/** The provider's documented rate, kept exactly. */
	documented?: { requests: number; perMs: number };
	/** Ceiling of an undisclosed rate, requests per second. */
	maxPerSecond?: number;
}

/** One granted send: report how it went. */
export interface Ticket {
	done(outcome: Outcome, retryAfterMs?: number): void;
}

interface Flow {
	acquire(): Promise<Ticket>;
}

/** A documented rate: a sliding window of answer times (Infinity marks a request whose answer has not come). */
class DocumentedFlow implements Flow {
	private window: number[] = [];
	private holdUntil = 0;

	constructor(private readonly rate: { requests: number; perMs: number }) {}

	async acquire(): Promise<Ticket> {
		for (;;) {
			const now = Date.now();
			if (now < this.holdUntil) {
				await sleep(this.holdUntil - now);
				continue;
			}
			this.window = this.window.filter((t) => now - t < this.rate.perMs);
			if (this.window.length < this.rate.requests) {
				this.window.push(Infinity);
				return {
					done: (outcome, retryAfterMs) => {
						const index = this.window.indexOf(Infinity);
						if (index >= 0) this.window[index] = Date.now();
						if (outcome === 'throttled' && retryAfterMs) this.holdUntil = Math.max(this.holdUntil, Date.now() + retryAfterMs);
					},
				};
			}
			const oldest = Math.min(...this.window);
			await sleep(Number.isFinite(oldest) ? this.rate.perMs - (now - oldest) + 1 : 5);
		}
	}
}

/** An undisclosed rate, found by additive increase and multiplicative decrease. */
export class AdaptiveFlow implements Flow {
	/** Requests per second granted now. */
	rate: number;
	/** False until the first 429 (slow start): up to `rate` requests in any second, bursts allowed. After it,
	 * requests are also spaced evenly. */
	private congested = false;
	/** Once congested: when the next request may go. */
	private nextAt = 0;
	/** A Retry-After holds every request until then. */
	private holdUntil = 0;
	private lastDecreaseAt = 0;
	/** Requests of the last second: answer times in slow start (Infinity until answered), send times after. */
	private sent: number[] = [];
	/** Times of the clean answers of the last second: what the provider accepts. */
	private accepted: number[] = [];
	/** Counters, for tests and benchmarks. */
	readonly stats = { sent: 0, throttled: 0, decreases: 0 };

	constructor(public maxPerSecond: number) {
		this.rate = Math.min(START_RATE, maxPerSecond);
	}

	async acquire(): Promise<Ticket> {
		for (;;) {
			const now = Date.now();
			if (now < this.holdUntil) {
				await sleep(this.holdUntil - now);
				continue;
			}
			// At most `rate` requests in any second. After a 429 this window still holds what the provider
			// counted in the last second, so sending resumes only as the provider's own window empties.
			this.sent = this.sent.filter((t) => now - t < 1000);
			if (this.sent.length >= this.rate) {
				const oldest = Math.min(...this.sent);
				await sleep(Number.isFinite(oldest) ? Math.max(1, 1000 - (now - oldest) + 1) : 5);
				continue;
			}
			if (this.congested && now < this.nextAt) {
				await sleep(this.nextAt - now);
				continue;
			}
			this.stats.sent++;
			if (this.congested) {
				// Evenly spaced: stamped when sent (the spacing already keeps the provider's window).
				this.nextAt = now + 1000 / this.rate;
				this.sent.push(now);
				return { done: (outcome, retryAfterMs) => this.report(outcome, retryAfterMs) };
			}
			// Slow start, bursts allowed: stamped when its answer comes (Infinity until then). The provider counts
			// the request's arrival, between the send and the answer, so a window of answers never undercounts.
			this.sent.push(Infinity);
			return {
				done: (outcome, retryAfterMs) => {
					const index = this.sent.indexOf(Infinity);
					if (index >= 0) this.sent[index] = Date.now();
					this.report(outcome, retryAfterMs);
				},
			};
		}
	}

	private report(outcome: Outcome, retryAfterMs?: number): void {
		const now = Date.now();
		if (outcome === 'ok') {
			this.accepted.push(now);
			if (this.accepted.length > 4 * this.maxPerSecond + 16) this.accepted.splice(0, this.accepted.length / 2);
			const gain = this.congested ? INCREASE_PER_SECOND / this.rate : SLOW_START_GAIN;
			this.rate = Math.min(this.maxPerSecond, this.rate + gain);
			return;
		}
		if (outcome !== 'throttled') return;
		this.stats.throttled++;
		if (retryAfterMs) this.holdUntil = Math.max(this.holdUntil, now + retryAfterMs);
		if (now - this.lastDecreaseAt < DECREASE_GUARD_MS) return;
		this.lastDecreaseAt = now;
		this.stats.decreases++;
		const acceptedLastSecond = this.accepted.filter((t) => now - t < 1000).length;
		this.rate = Math.max(MIN_RATE, DECREASE * Math.max(acceptedLastSecond, this.rate / 2));
		// From now on sends are spaced evenly; those already scheduled at the old rate move out to the new one.
		this.congested = true;
		this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate);
	}
}

const flows = new Map<string, Flow>();

/**
 * The flow of one credential (`key` names the provider and the stored credential), created on first use. A
 * changed setting (the user edited the credential) starts a new flow.
 */
export function flowFor(key: string, settings: FlowSettings): Flow {
	const id = settings.documented
		? `${key}|documented:${settings.documented.requests}/${settings.documented.perMs}`
		: `${key}|adaptive:${settings.maxPerSecond ?? DEFAULT_MAX_RATE}`;
	let flow = flows.get(id);
	if (!flow) {
		flow = settings.documented
			? new DocumentedFlow(settings.documented)
			: new AdaptiveFlow(Math.max(MIN_RATE, settings.maxPerSecond ?? DEFAULT_MAX_RATE));
		flows.set(id, flow);
	}
	return flow;
}

/** The adaptive flows' state, for tests and benchmarks: key → rate and counters. */
export function adaptiveFlows(): Record<string, { rate: number; sent: number; throttled: number; decreases: number }> {
	const out: Record<string, { rate: number; sent: number; throttled: number; decreases: number }> = {};
	for (const [id, flow] of flows) if (flow instanceof AdaptiveFlow) out[id] = { rate: flow.rate, ...flow.stats };
	return out;
}

/** Forgets every flow (tests start each case from a fresh process state). */
export function resetFlows(): void {
	flows.clear();
}
