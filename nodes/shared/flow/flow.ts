import { sleep } from 'n8n-workflow';
import { type Place, RequestWindow } from './window';

/**
 * Flow control per credential: how fast the requests of one stored credential go out, across all the items
 * of an execution (and across executions in the same n8n process).
 *
 * - A provider that documents its rate (LoyaltyLion: 20 requests per second) has it kept exactly: a sliding
 *   window in which each request counts from when it may reach the provider, not from its answer: from when
 *   it left plus the spread of the round trips this flow has measured (window.ts gives the reasoning; assumed:
 *   the round trips' spread bounds the one-way delays' spread). The provider, which counts arrivals, never
 *   sees more than the rate and no 429 is provoked, and a slot costs a window plus a few milliseconds, not a
 *   window plus a round trip. Several n8n processes sharing one credential each keep their share (the
 *   credential says how many), and a 429 all the same cuts the flow's share until answers are clean.
 * - A provider that does not (Loyalistic, Loyalife, Frederick, Cardlytics) has its limit found as TCP finds a
 *   link's capacity (AIMD), counted in the same window. Slow start: up to 10 requests in any second, one more
 *   for each two clean answers (so the rate grows by half each second while the items in flight keep up). The
 *   first "429 Too Many Requests" ends it: from then on requests are spaced evenly and each 429 cuts the rate
 *   to 95% of what the provider accepted in the last second (at most once a second: the answers already on
 *   their way carry the same news), which is the limit as measured. Below it the rate grows back by 1 request
 *   per second each second of clean answers; at it and above, by 0.1, doubled every 5 s (the limit may have
 *   grown, or was measured low), so 429s stay rare (a cut every ~8 s or more). The window keeps whole
 *   requests: a rate of 20.9 sends at most 20 in any second. The rate never exceeds the ceiling the user set
 *   on the credential (Max Requests per Second, 100 unless set).
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
/** After a 429, the new rate is this share of what the provider accepted in the last second (the limit as
 * measured, so only a little under it: the window keeps whole requests and the spread of trips). */
const DECREASE = 0.95;
/** A documented rate under 429s (another process shares it): its share is cut to this. */
const DECREASE_DOCUMENTED = 0.85;
/** Slow start: rate added per clean answer (so the rate grows by half each second). */
const SLOW_START_GAIN = 0.5;
/** Congestion avoidance below the measured limit: requests per second added each second of clean answers
 * (a cut to 95% of 40/s is made up in 2 s). */
const INCREASE_PER_SECOND = 1;
/** Past the measured limit: requests per second added each second at first, doubled every PROBE_DOUBLING_MS. */
const PROBE_PER_SECOND = 0.1;
const PROBE_DOUBLING_MS = 5000;
/** A documented rate cut by 429s grows back by this many requests per window each second. */
const DOCUMENTED_INCREASE_PER_SECOND = 0.25;
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
	/** The request leaves now: its place is counted from here plus the spread of trips (see RequestWindow). */
	sent(): void;
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
		const place = await this.window.room(() => Math.max(1, Math.floor(this.limit)));
		return {
			sent: () => this.window.sent(place),
			done: (outcome, retryAfterMs) => {
				this.window.answered(place, { answer: outcome !== 'other', clean: outcome === 'ok' });
				if (outcome === 'ok' && this.limit < this.rate.requests)
					this.limit = Math.min(
						this.rate.requests,
						this.limit + DOCUMENTED_INCREASE_PER_SECOND / this.limit,
					);
				if (outcome !== 'throttled') return;
				if (retryAfterMs) this.window.hold(retryAfterMs);
				const now = Date.now();
				if (now - this.lastDecreaseAt < DECREASE_GUARD_MS) return;
				this.lastDecreaseAt = now;
				this.limit = Math.max(1, this.limit * DECREASE_DOCUMENTED);
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
	/** What the provider accepted in the second before the last 429: the limit as last measured. */
	private ceiling = Infinity;
	/** Since when the rate has been at the ceiling or above (probing past it), undefined while below. */
	private probingSince: number | undefined;
	/** At most floor(`rate`) requests in any second, counted as the provider counts them (see RequestWindow).
	 * After a 429 this window still holds what the provider counted in the last second, so sending resumes
	 * only as the provider's own window empties. */
	private readonly window = new RequestWindow(1000);
	/** Times of the clean answers of the last second: what the provider accepts. */
	private accepted: number[] = [];
	/** Counters, for tests and benchmarks. */
	readonly stats = { sent: 0, throttled: 0, decreases: 0 };

	constructor(public maxPerSecond: number) {
		this.rate = Math.min(START_RATE, maxPerSecond);
	}

	async acquire(): Promise<Ticket> {
		let place: Place;
		for (;;) {
			if (this.congested && Date.now() < this.nextAt) {
				await sleep(this.nextAt - Date.now());
				continue;
			}
			// Whole requests: a rate of 20.5 sends at most 20 in a window, so a window measured at 20 is kept.
			place = await this.window.room(() => Math.max(1, Math.floor(this.rate)));
			// Another request may have taken the next even slot while this one waited for room.
			if (this.congested && Date.now() < this.nextAt) {
				this.window.release(place);
				continue;
			}
			break;
		}
		this.stats.sent++;
		if (this.congested) this.nextAt = Date.now() + 1000 / this.rate;
		return {
			sent: () => this.window.sent(place),
			done: (outcome, retryAfterMs) => {
				this.window.answered(place, { answer: outcome !== 'other', clean: outcome === 'ok' });
				this.report(outcome, retryAfterMs);
			},
		};
	}

	/** Requests per second added each second of clean answers, once congested. */
	private increasePerSecond(now: number): number {
		if (this.rate < this.ceiling) {
			this.probingSince = undefined;
			return INCREASE_PER_SECOND;
		}
		this.probingSince ??= now;
		// Past the measured limit slowly, faster the longer it holds (the limit may have grown, or the
		// measure was low): doubling every PROBE_DOUBLING_MS.
		return PROBE_PER_SECOND * 2 ** Math.floor((now - this.probingSince) / PROBE_DOUBLING_MS);
	}

	private report(outcome: Outcome, retryAfterMs?: number): void {
		const now = Date.now();
		if (outcome === 'ok') {
			this.accepted.push(now);
			if (this.accepted.length > 4 * this.maxPerSecond + 16)
				this.accepted.splice(0, this.accepted.length / 2);
			const gain = this.congested ? this.increasePerSecond(now) / this.rate : SLOW_START_GAIN;
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
		this.ceiling = acceptedLastSecond;
		this.probingSince = undefined;
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
