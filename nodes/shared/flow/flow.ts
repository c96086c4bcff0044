import { sleep } from 'n8n-workflow';
import { type Place, RequestWindow } from './window';

/**
 * Flow control per credential: how fast the requests of one stored credential go out, across the items of an
 * execution and across executions in the same n8n process. It only paces: a 429 is still retried by the
 * request core, and a Retry-After holds every request of the credential.
 *
 * - A documented rate (LoyaltyLion's 20 per second) is kept in a sliding window where each request counts
 *   from when it may reach the provider (window.ts): the provider, counting arrivals, never sees more than
 *   the rate. Processes sharing a credential keep their share; a 429 cuts the share until answers are clean.
 * - An undisclosed limit is found as TCP finds a link's capacity (AIMD), requests spaced evenly. Slow start
 *   at START_RATE, doubling each second while within SLOW_START_LEAD x the rate of answers + SLOW_START_SLACK;
 *   a 429 (at most one a second) sets the limit to what was accepted in the last second and the rate to it, or
 *   to half the old rate if that is more and the count may be short (less than a second after a pause);
 *   from there the rate grows by 1 per PROBE_ANSWERS clean answers, doubled every as many. The rate never
 *   exceeds the credential's Max Requests per Second.
 */

/** Requests per second an adaptive flow starts at. */
export const START_RATE = 20;
/** The ceiling when the credential sets none, requests per second. */
export const DEFAULT_MAX_RATE = 100;
/** The floor an adaptive flow never goes under, requests per second. */
const MIN_RATE = 1;
/** A documented rate under 429s (another process shares it): its share is cut to this. */
const DECREASE_DOCUMENTED = 0.85;
/** Slow start: rate added per clean answer (so the rate doubles each second). */
const SLOW_START_GAIN = 1;
/** Slow start grows only while the rate is at most this many times the rate of answers, plus SLOW_START_SLACK:
 * past it the items in flight do not use the rate, and the overshoot at the limit grows. */
const SLOW_START_LEAD = 1.25;
const SLOW_START_SLACK = 10;
/** The rate of answers is measured over this many milliseconds: a second's count lags a doubling rate by half a
 * second, and held slow start at 20/s for its first 450 ms. */
const ANSWER_RATE_SPAN_MS = 250;
/** A spell of sending: requests with gaps shorter than this. A count of a second's answers covers a whole
 * second of sending once the spell is this old. */
const SPELL_MS = 1000;
/** Past the measured limit: 1 request per second added per this many clean answers at first, doubled every as
 * many answers. Counted in answers, not seconds, so the probes' 429s are the same share at any limit. */
const PROBE_ANSWERS = 300;
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
	/** False until the first 429 (slow start). */
	private congested = false;
	/** When the next request may go: requests are spaced evenly at the rate. */
	private nextAt = 0;
	private lastDecreaseAt = 0;
	/** What the provider accepted in the second before the last 429: the limit as last measured. */
	private ceiling = Infinity;
	/** Clean answers since the last cut: probing past the measured limit, faster the longer it holds. */
	private probeAnswers = 0;
	/** At most floor(`rate`) requests in any second, counted as the provider counts them (see RequestWindow).
	 * After a 429 this window still holds what the provider counted in the last second, so sending resumes
	 * only as the provider's own window empties. */
	private readonly window = new RequestWindow(1000);
	/** Times of the clean answers of the last second: what the provider accepts. */
	private accepted: number[] = [];
	/** When the current spell of sending began, and when the last request was granted. */
	private spellStartedAt = 0;
	private lastGrantAt = -Infinity;
	/** Counters, for tests and benchmarks. */
	readonly stats = { sent: 0, throttled: 0, decreases: 0 };

	constructor(public maxPerSecond: number) {
		this.rate = Math.min(START_RATE, maxPerSecond);
	}

	async acquire(): Promise<Ticket> {
		let place: Place;
		for (;;) {
			if (Date.now() < this.nextAt) {
				await sleep(this.nextAt - Date.now());
				continue;
			}
			// Whole requests: a rate of 20.5 sends at most 20 in a window, so a window measured at 20 is kept.
			place = await this.window.room(() => Math.max(1, Math.floor(this.rate)));
			// Another request may have taken the next even slot while this one waited for room.
			if (Date.now() < this.nextAt) {
				this.window.release(place);
				continue;
			}
			break;
		}
		this.stats.sent++;
		const granted = Date.now();
		if (granted - this.lastGrantAt >= SPELL_MS) this.spellStartedAt = granted;
		this.lastGrantAt = granted;
		// The next slot follows this one's, not its grant: timers fire late (by milliseconds on a busy
		// machine), and at 40/s 2 ms late each time is 8% lost. Later than half an interval (or after a
		// pause), it follows the grant: no burst makes up for lost time.
		const interval = 1000 / this.rate;
		const now = Date.now();
		this.nextAt = (now - this.nextAt <= interval / 2 ? this.nextAt : now) + interval;
		return {
			sent: () => this.window.sent(place),
			done: (outcome, retryAfterMs) => {
				this.window.answered(place, { answer: outcome !== 'other', clean: outcome === 'ok' });
				this.report(outcome, retryAfterMs);
			},
		};
	}

	/** Rate added by one clean answer. */
	private gain(now: number): number {
		if (!this.congested)
			return this.rate <= SLOW_START_LEAD * this.answerRate(now) + SLOW_START_SLACK
				? SLOW_START_GAIN
				: 0;
		// From the measured limit on (a cut sets the rate at it or above), slowly, faster the longer it holds
		// (the limit may have grown, or the measure was low).
		return 2 ** Math.floor(this.probeAnswers++ / PROBE_ANSWERS) / PROBE_ANSWERS;
	}

	private acceptedLastSecond(now: number): number {
		return this.accepted.filter((t) => now - t < 1000).length;
	}

	/** Clean answers per second, over the last ANSWER_RATE_SPAN_MS. */
	private answerRate(now: number): number {
		const recent = this.accepted.filter((t) => now - t < ANSWER_RATE_SPAN_MS).length;
		return (recent * 1000) / ANSWER_RATE_SPAN_MS;
	}

	private report(outcome: Outcome, retryAfterMs?: number): void {
		const now = Date.now();
		if (outcome === 'ok') {
			this.accepted.push(now);
			if (this.accepted.length > 4 * this.maxPerSecond + 16)
				this.accepted.splice(0, this.accepted.length / 2);
			this.rate = Math.min(this.maxPerSecond, this.rate + this.gain(now));
			return;
		}
		if (outcome !== 'throttled') return;
		this.stats.throttled++;
		if (retryAfterMs) this.window.hold(retryAfterMs);
		if (now - this.lastDecreaseAt < DECREASE_GUARD_MS) return;
		this.lastDecreaseAt = now;
		this.stats.decreases++;
		const acceptedLastSecond = this.acceptedLastSecond(now);
		this.probeAnswers = 0;
		// The count is the limit when it covers a whole second of sending, or when nothing was known before (the
		// first cut: the provider's window held only this flow's requests). A count taken less than a second
		// after a pause or a Retry-After may be short of it, and is not trusted below half the old rate. (Never
		// trusted, the floor took two more cuts and 7 more 429s to come down to a limit of 5/s.) The rate is the
		// measure itself, not a share under it: the provider took that many in its window, and the window counts
		// each request from when it can arrive, so as many again fit (cut to 95% of it, the first bulk job under a
		// hidden 40/s kept 93% of the limit).
		const trusted =
			acceptedLastSecond > 0 &&
			(this.ceiling === Infinity || now - this.spellStartedAt >= SPELL_MS);
		this.ceiling = acceptedLastSecond;
		this.rate = Math.min(
			this.maxPerSecond,
			Math.max(
				MIN_RATE,
				trusted ? acceptedLastSecond : Math.max(acceptedLastSecond, this.rate / 2),
			),
		);
		// Sends already scheduled at the old rate move out to the new one.
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
