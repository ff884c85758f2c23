package io.meshgate.review.outbox;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How far the relay is behind, read from the table on each scrape so that every replica
 * reports the same shared backlog: the number of unsent events, and the age of the
 * oldest. A growing age with a steady count means delivery is stuck (the sink is down, or
 * the oldest event keeps failing), which is what to alert on.
 */
class OutboxMetrics implements MeterBinder {

	private final OutboxRepository repository;

	OutboxMetrics(OutboxRepository repository) {
		this.repository = repository;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("meshgate.outbox.backlog", this.repository, OutboxRepository::countUnsent)
			.description("Events in the outbox not yet delivered to the sink")
			.register(registry);
		Gauge.builder("meshgate.outbox.oldest.age", this.repository, OutboxMetrics::oldestAgeSeconds)
			.description("Age of the oldest event not yet delivered to the sink, 0 when none waits")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double oldestAgeSeconds(OutboxRepository repository) {
		return repository.oldestUnsentCreatedAt()
			.map((createdAt) -> Duration.between(createdAt, Instant.now()).toMillis() / 1000.0)
			.orElse(0.0);
	}

}
