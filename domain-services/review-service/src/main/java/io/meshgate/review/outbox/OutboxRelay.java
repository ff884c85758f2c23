package io.meshgate.review.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends what the outbox holds, oldest first, and marks it sent only once the sink has
 * answered 2xx: an event survives any outage of the sink and is delivered once it
 * returns.
 * <p>
 * Each run locks a batch of the oldest pending events ({@code FOR UPDATE SKIP LOCKED})
 * for the length of its transaction, so replicas share the backlog without ever sending
 * the same event at the same time. A run stops at the first event that is not yet due or
 * that fails, so no event overtakes an older one waiting for its retry. Across replicas
 * working at once the order is by batch, not strict; consumers deduplicate by event id
 * and must not depend on order (the Knative broker does not keep it either).
 * <p>
 * The one exception to the order: an event the sink refuses for good
 * ({@link DeliveryFailure#permanent()}) is parked after {@code max-attempts-on-refusal}
 * refusals, so that it does not hold up every later event forever. A parked event stays
 * in the table (nothing deletes it) until an operator re-queues it;
 * {@code meshgate_outbox_parked} counts them.
 * <p>
 * Delivery is at least once: if the sink accepted an event but marking it sent failed
 * (the database went away), it is sent again.
 */
class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int PURGE_BATCH = 1000;

	private final OutboxRepository repository;

	private final TransactionOperations transactions;

	private final CloudEventSender sender;

	private final Tracer tracer;

	private final Propagator propagator;

	private final OutboxProperties properties;

	private final RetryBackoff backoff;

	OutboxRelay(OutboxRepository repository, TransactionOperations transactions, CloudEventSender sender, Tracer tracer,
			Propagator propagator, OutboxProperties properties) {
		this.repository = repository;
		this.transactions = transactions;
		this.sender = sender;
		this.tracer = tracer;
		this.propagator = propagator;
		this.properties = properties;
		this.backoff = properties.backoff();
	}

	/**
	 * One run: locks a batch and delivers its events in order until one is not due or
	 * fails and is to be tried again.
	 * @return how many events were delivered
	 */
	int relayBatch() {
		if (!this.properties.hasSink()) {
			return 0;
		}
		Integer delivered = this.transactions
			.execute((status) -> deliverInOrder(this.repository.lockOldestPending(this.properties.batchSize())));
		return (delivered != null) ? delivered : 0;
	}

	/** Deletes events sent longer ago than the retention period. */
	void purgeSent() {
		Instant cutoff = Instant.now().minus(this.properties.retention());
		int purged;
		do {
			purged = this.repository.purgeSentBefore(cutoff, PURGE_BATCH);
		}
		while (purged == PURGE_BATCH);
	}

	private int deliverInOrder(List<OutboxEvent> batch) {
		URI sink = this.properties.sink();
		int delivered = 0;
		for (OutboxEvent event : batch) {
			if (event.nextAttemptAt().isAfter(Instant.now())) {
				break;
			}
			Outcome outcome = deliver(event, sink);
			if (outcome == Outcome.RETRY_LATER) {
				break;
			}
			if (outcome == Outcome.DELIVERED) {
				delivered++;
			}
		}
		return delivered;
	}

	/**
	 * Sends inside a span that is a child of the stored trace context, so the delivery
	 * and the receiver's handling appear in the trace of the request that wrote the
	 * event, hours later if need be. The instrumented client then opens its own child
	 * span and sends it as {@code traceparent}.
	 */
	private Outcome deliver(OutboxEvent event, URI sink) {
		Span span = relaySpan(event).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			this.sender.send(sink, event);
		}
		catch (RuntimeException ex) {
			span.error(ex);
			return failed(event, DeliveryFailure.of(ex));
		}
		finally {
			span.end();
		}
		this.repository.markSent(event.id(), Instant.now());
		return Outcome.DELIVERED;
	}

	private Outcome failed(OutboxEvent event, DeliveryFailure failure) {
		if (failure.permanent() && event.refusals() + 1 >= this.properties.maxAttemptsOnRefusal()) {
			this.repository.markParked(event.id(), failure, Instant.now());
			// Once per event, and only what identifies it: the data holds the reviewer's
			// address and text, and the table keeps it for whoever investigates.
			logger.atWarn()
				.addKeyValue("eventId", event.id())
				.addKeyValue("eventType", event.type())
				.addKeyValue("status", failure.status())
				.addKeyValue("refusals", event.refusals() + 1)
				.log("Outbox event parked: the sink refused it for good ({}); later events go on", failure.reason());
			return Outcome.PARKED;
		}
		int failures = event.attempts() + 1;
		Duration delay = this.backoff.delayAfter(failures);
		this.repository.markFailed(event.id(), failure, Instant.now().plus(delay));
		logger.warn("Event {} not delivered (failure {}), next try in {} ms: {}", event.id(), failures,
				delay.toMillis(), failure.reason());
		return Outcome.RETRY_LATER;
	}

	private Span.Builder relaySpan(OutboxEvent event) {
		Map<String, String> carrier = (event.traceparent() != null) ? Map.of("traceparent", event.traceparent())
				: Map.of();
		return this.propagator.extract(carrier, Map::get)
			.name("outbox relay")
			.kind(Span.Kind.PRODUCER)
			.tag("cloudevents.event_id", event.id().toString())
			.tag("cloudevents.event_type", event.type());
	}

	private enum Outcome {

		DELIVERED, PARKED, RETRY_LATER

	}

}
