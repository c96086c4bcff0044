import { sleep } from 'n8n-workflow';
import { RequestWindow } from './window';

/**
 * Flow control per credential: how fast the requests of one stored credential go out, across all the items
 * of an execution (and across executions in the same n8n process).
 *
 * - A provider that documents its rate (LoyaltyLion: 20 requests per second) has it kept exactly: a sliding
 *   window counted from the moment each answer arrived, so the provider, which counts arrivals, never sees more
 *   than the rate and no 429 is provoked. Several n8n processes sharing one credential each keep their share
 *   (the credential says how many), and a 429 all the same cuts the flow's share until answers are clean.
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

/**
 * A documented rate, kept exactly while the provider agrees. A 429 under it means another process spends the
 * same allowance (n8n workers in queue mode): the flow then takes a smaller share, cut as an adaptive flow cuts,
 * and grows back to the documented rate while answers are clean.
 */
class DocumentedFlow implements Flow {
	private readonly window: RequestWindow;
	/** Requests per window granted now: the documented number unless 429s cut it. */
	private limit: number;
	private lastDecreaseAt = 0;

	constructor(private readonly rate: { requests: number; perMs: number }) {
		this.window = new RequestWindow(rate.perMs);
		this.limit = rate.requests;
	}

	async acquire(): Promise<Ticket> {
		await this.window.room(() => Math.max(1, Math.floor(this.limit)));
		return {
			done: (outcome, retryAfterMs) => {
				this.window.answered();
				if (outcome === 'ok' && this.limit < this.rate.requests)
					this.limit = Math.min(this.rate.requests, this.limit + INCREASE_PER_SECOND / this.limit);
				if (outcome !== 'throttled') return;
				if (retryAfterMs) this.window.hold(retryAfterMs);
				const now = Date.now();
				if (now - this.lastDecreaseAt < DECREASE_GUARD_MS) return;
				this.lastDecreaseAt = now;
				this.limit = Math.max(1, this.limit * DECREASE);
			},
		};
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
	private lastDecreaseAt = 0;
	/** At most `rate` requests in any second. After a 429 this window still holds what the provider counted in
	 * the last second, so sending resumes only as the provider's own window empties. */
	private readonly window = new RequestWindow(1000);
	/** Times of the clean answers of the last second: what the provider accepts. */
	private accepted: number[] = [];
	/** Counters, for tests and benchmarks. */
	readonly stats = { sent: 0, throttled: 0, decreases: 0 };

	constructor(public maxPerSecond: number) {
		this.rate = Math.min(START_RATE, maxPerSecond);
	}

	async acquire(): Promise<Ticket> {
		for (;;) {
			if (this.congested && Date.now() < this.nextAt) {
				await sleep(this.nextAt - Date.now());
				continue;
			}
			await this.window.room(() => this.rate);
			// Another request may have taken the next even slot while this one waited for room.
			if (this.congested && Date.now() < this.nextAt) {
				this.window.release();
				continue;
			}
			break;
		}
		this.stats.sent++;
		if (this.congested) {
			// Evenly spaced: counted from the send (the spacing already keeps the provider's window).
			this.nextAt = Date.now() + 1000 / this.rate;
			this.window.sent();
			return { done: (outcome, retryAfterMs) => this.report(outcome, retryAfterMs) };
		}
		return {
			done: (outcome, retryAfterMs) => {
				this.window.answered();
				this.report(outcome, retryAfterMs);
			},
		};
	}

	private report(outcome: Outcome, retryAfterMs?: number): void {
		const now = Date.now();
		if (outcome === 'ok') {
			this.accepted.push(now);
			if (this.accepted.length > 4 * this.maxPerSecond + 16)
				this.accepted.splice(0, this.accepted.length / 2);
			const gain = this.congested ? INCREASE_PER_SECOND / this.rate : SLOW_START_GAIN;
			this.rate = Math.min(this.maxPerSecond, this.rate + gain);
			return;
		}
		if (outcome !== 'throttled') return;
		this.stats.throttled++;
		if (retryAfterMs) this.window.hold(retryAfterMs);
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
export function adaptiveFlows(): Record<
	string,
	{ rate: number; sent: number; throttled: number; decreases: number }
> {
	const out: Record<string, { rate: number; sent: number; throttled: number; decreases: number }> =
		{};
	for (const [id, flow] of flows)
		if (flow instanceof AdaptiveFlow) out[id] = { rate: flow.rate, ...flow.stats };
	return out;
}

/** Forgets every flow (tests start each case from a fresh process state). */
export function resetFlows(): void {
	flows.clear();
}
