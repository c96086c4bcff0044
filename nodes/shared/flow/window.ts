import { sleep } from 'n8n-workflow';

/**
 * The requests of the last `perMs` milliseconds, and a hold (a Retry-After) on all of them: what both kinds of
 * flow keep. A request is stamped when its answer comes (Infinity until then): the provider counts its
 * arrival, which is between the send and the answer, so a window of answers never undercounts.
 */
export class RequestWindow {
	private stamps: number[] = [];
	private holdUntil = 0;

	constructor(private readonly perMs: number) {}

	/**
	 * Waits until the hold is over and fewer than `limit` requests are in the window, and takes a place in it at
	 * once, in the same step as the check: requests that ask at the same moment cannot all see the same free place.
	 * The place counts until `answered` or `sent` stamps it, or `release` gives it back.
	 */
	async room(limit: () => number): Promise<void> {
		for (;;) {
			const now = Date.now();
			if (now < this.holdUntil) {
				await sleep(this.holdUntil - now);
				continue;
			}
			this.stamps = this.stamps.filter((t) => now - t < this.perMs);
			if (this.stamps.length < limit()) {
				this.stamps.push(Infinity);
				return;
			}
			const oldest = Math.min(...this.stamps);
			await sleep(Number.isFinite(oldest) ? Math.max(1, this.perMs - (now - oldest) + 1) : 5);
		}
	}

	private stamp(at: number): void {
		const index = this.stamps.indexOf(Infinity);
		if (index >= 0) this.stamps[index] = at;
	}

	/** The request is counted from its answer on (until then it counts as in the window). */
	answered(): void {
		this.stamp(Date.now());
	}

	/** The request is counted from now (requests already spaced evenly). */
	sent(): void {
		this.stamp(Date.now());
	}

	/** A place taken by `room` that is not used after all. */
	release(): void {
		const index = this.stamps.indexOf(Infinity);
		if (index >= 0) this.stamps.splice(index, 1);
	}

	hold(ms: number): void {
		this.holdUntil = Math.max(this.holdUntil, Date.now() + ms);
	}
}
