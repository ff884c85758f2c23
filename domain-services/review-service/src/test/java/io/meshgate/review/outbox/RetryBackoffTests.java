package io.meshgate.review.outbox;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait between deliveries of a failing event doubles with each failure, jittered
 * between half and all of it, and never exceeds the cap.
 */
class RetryBackoffTests {

	private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));

	@RepeatedTest(20)
	void firstFailureWaitsBetweenHalfAndAllOfTheInitialBackoff() {
		assertThat(this.backoff.delayAfter(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
	}

	@RepeatedTest(20)
	void eachFailureDoublesTheWait() {
		assertThat(this.backoff.delayAfter(4)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
	}

	@RepeatedTest(20)
	void waitNeverExceedsTheCapHoweverManyFailures() {
		assertThat(this.backoff.delayAfter(7)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
		assertThat(this.backoff.delayAfter(Integer.MAX_VALUE)).isBetween(Duration.ofSeconds(15),
				Duration.ofSeconds(30));
	}

}
