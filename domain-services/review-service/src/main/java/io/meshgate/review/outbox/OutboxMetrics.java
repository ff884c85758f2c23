package io.meshgate.review.outbox;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How far the relay is behind, read from the table on each scrape so that every replica
 * reports the same shared backlog: the number of events still to be delivered, and the
 * age of the oldest. A growing age with a steady count means delivery is stuck (the sink
 * is down, or the oldest event keeps failing), which is what to alert on. Parked events
 * (refused for good, set aside) are not behind: they are counted apart, and any is a
 * reason to look.
 */
class OutboxMetrics implements MeterBinder {

	private final OutboxRepository repository;

	OutboxMetrics(OutboxRepository repository) {
		this.repository = repository;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("meshgate.outbox.backlog", this.repository, OutboxRepository::countPending)
			.description("Events in the outbox still to be delivered to the sink (parked ones excluded)")
			.register(registry);
		Gauge.builder("meshgate.outbox.oldest.age", this.repository, OutboxMetrics::oldestAgeSeconds)
			.description("Age of the oldest event still to be delivered to the sink, 0 when none waits")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("meshgate.outbox.parked", this.repository, OutboxRepository::countParked)
			.description("Events the sink refused for good, kept in the outbox but no longer sent")
			.register(registry);
	}

	private static double oldestAgeSeconds(OutboxRepository repository) {
		return repository.oldestPendingCreatedAt()
			.map((createdAt) -> Duration.between(createdAt, Instant.now()).toMillis() / 1000.0)
			.orElse(0.0);
	}

}
