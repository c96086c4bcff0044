import { sleep } from 'n8n-workflow';

/** Round trips kept to estimate how much one request's trip can differ from another's. */
const RTT_SAMPLES = 32;
/** Until this many round trips are known, a request is counted from its answer. */
const MIN_RTT_SAMPLES = 5;
/** Trips are steady when their spread is at most the fastest divided by this (assumed). */
const STEADY_SHARE = 4;
/** Added to the spread of round trips: timers and clocks have a granularity of a millisecond or more (assumed). */
const SPREAD_GUARD_MS = 5;

/** One request's place in a window: counted from `at` on, Infinity while it is in flight. */
export interface Place {
	at: number;
	/** When the request left (`sent`); unset until then. */
	sentAt?: number;
}

/**
 * The requests of the last `perMs` milliseconds, and a hold (a Retry-After) on all of them: what both kinds of
 * flow keep. The provider counts arrivals; a request arrives one one-way delay after it left, and before its
 * answer. A place counts from the moment it is taken; once the answer is in, it counts on from
 * min(answer, sent + J) for a whole window, where J is the spread of this flow's round trips (the longest recent
 * one less the fastest ever) plus a guard, used only while the trips are steady. If J bounds the spread of one-way delays (assumed: steady
 * round trips' spread bounds it), any
 * provider window of `perMs` holds at most `limit` arrivals: for two requests j before k inside it,
 * k arrives less than a window after j, so k left before sent_j + perMs + (delay_j − delay_k), at most
 * sent_j + perMs + J, and also before answer_j + perMs; j was still in this window when k took its place. A
 * slot then costs a window plus J rather than a window plus a round trip. Until a few round trips are known, and
 * after a failure without an answer, the place counts from the answer (always safe: the arrival came first).
 */
export class RequestWindow {
	private places: Place[] = [];
	private holdUntil = 0;
	private rtts: number[] = [];
	/** The shortest round trip this flow has seen: a later request may be as fast as it, however busy the recent ones. */
	private fastestRtt = Infinity;

	constructor(private readonly perMs: number) {}

	/**
	 * Waits until the hold is over and fewer than `limit` requests are in the window, and takes a place in it at
	 * once, in the same step as the check: requests that ask at the same moment cannot all see the same free place.
	 * The place counts until `answered` stamps it, or `release` gives it back.
	 */
	async room(limit: () => number): Promise<Place> {
		for (;;) {
			const now = Date.now();
			if (now < this.holdUntil) {
				await sleep(this.holdUntil - now);
				continue;
			}
			this.places = this.places.filter((p) => now - p.at < this.perMs);
			if (this.places.length < limit()) {
				const place: Place = { at: Infinity };
				this.places.push(place);
				return place;
			}
			const oldest = Math.min(...this.places.map((p) => p.at));
			await sleep(Number.isFinite(oldest) ? Math.max(1, this.perMs - (now - oldest) + 1) : 5);
		}
	}

	/** The request leaves now (after any local work between `room` and the send). */
	sent(place: Place): void {
		place.sentAt = Date.now();
	}

	/**
	 * The answer came (`clean`: a round trip worth learning from), or the request failed without one
	 * (`answer` false: counted from now, as nothing is known of its trip).
	 */
	answered(place: Place, { answer = true, clean = false } = {}): void {
		const now = Date.now();
		const sentAt = place.sentAt;
		if (!answer || sentAt === undefined) {
			place.at = now;
			return;
		}
		if (clean) {
			this.rtts.push(now - sentAt);
			if (this.rtts.length > RTT_SAMPLES) this.rtts.shift();
			this.fastestRtt = Math.min(this.fastestRtt, now - sentAt);
		}
		const spread = this.spreadMs();
		place.at = spread === undefined ? now : Math.min(now, sentAt + spread);
	}

	/**
	 * J: the longest recent round trip (this one's included) less the fastest ever seen, plus the guard; undefined
	 * while too few are known. Against the fastest ever, not the fastest recent: after a slow spell a request may
	 * again arrive as soon as the quickest one did.
	 */
	spreadMs(): number | undefined {
		if (this.rtts.length < MIN_RTT_SAMPLES) return undefined;
		const spread = Math.max(...this.rtts) - this.fastestRtt;
		// Only steady trips tell the one-way spread: where the trips vary more than a quarter of the fastest (a
		// busy process, a queue on either side), how the time splits between the ways is unknown, and the place
		// counts from the answer.
		if (spread > this.fastestRtt / STEADY_SHARE) return undefined;
		return spread + SPREAD_GUARD_MS;
	}

	/** A place taken by `room` that is not used after all. */
	release(place: Place): void {
		const index = this.places.indexOf(place);
		if (index >= 0) this.places.splice(index, 1);
	}

	hold(ms: number): void {
		this.holdUntil = Math.max(this.holdUntil, Date.now() + ms);
	}
}
