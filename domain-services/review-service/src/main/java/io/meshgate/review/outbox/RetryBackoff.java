package io.meshgate.review.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, capped: after the n-th failure, a random wait between
 * half and all of {@code initial * 2^(n-1)}, never more than {@code max}. The jitter
 * keeps replicas that failed together from retrying together.
 *
 * @param initial the full wait after the first failure
 * @param max the cap
 */
record RetryBackoff(Duration initial, Duration max) {

	Duration delayAfter(int failures) {
		long cap = this.max.toMillis();
		// Shifting further than this could only overflow: the cap is reached long before.
		int doublings = Math.min(Math.max(failures, 1) - 1, 30);
		long full = Math.min(cap, this.initial.toMillis() << doublings);
		long half = full / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
	}

}
