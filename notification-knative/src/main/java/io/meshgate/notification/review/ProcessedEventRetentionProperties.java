package io.meshgate.notification.review;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the record of a handled event is kept, and when older records are deleted.
 *
 * @param processedEventRetention how long a handled event is still recognised as a
 * duplicate. It must outlast every way the same event can arrive again. The broker's
 * retries end about 40 minutes after the first attempt (Broker {@code default}: 10
 * retries, exponential from 2 s, so 2 + 4 + ... + 1024 s = 34 min of backoff, plus up to
 * 30 s per attempt): anything under an hour is refused. review-service's outbox sends an
 * event again when it could not mark it sent after the broker accepted it (its database
 * went away), which can be however long that outage lasted; the default, 7 days, covers
 * that with a wide margin, at a few hundred bytes per review.
 * @param processedEventCleanup when the deletion runs
 */
@Validated
@ConfigurationProperties("meshgate.notification")
record ProcessedEventRetentionProperties(@NotNull @DurationMin(hours = 1) Duration processedEventRetention,
		@NotNull @Valid Schedule processedEventCleanup) {

	/**
	 * @param initialDelay from start-up to the first run
	 * @param interval from the end of one run to the start of the next
	 */
	record Schedule(@NotNull Duration initialDelay, @NotNull Duration interval) {

	}

}
