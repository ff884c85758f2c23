package io.meshgate.review.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the outbox stores it until the sink has it.
 *
 * @param id the CloudEvents {@code id}, unique per event (consumers deduplicate by it)
 * @param type the CloudEvents {@code type}
 * @param subject the CloudEvents {@code subject}: the id of what changed
 * @param data the event's data, JSON
 * @param traceparent the W3C trace context of the request that wrote the event, or
 * {@code null} when it was not traced
 * @param createdAt when the event was written; its CloudEvents {@code time}
 * @param attempts failed deliveries so far
 * @param refusals those of the failed deliveries that the sink refused for good
 * ({@link DeliveryFailure#permanent()})
 * @param nextAttemptAt not to be sent before then
 */
record OutboxEvent(UUID id, String type, String subject, String data, String traceparent, Instant createdAt,
		int attempts, int refusals, Instant nextAttemptAt) {

	/** A new event, never tried yet, due at once. */
	static OutboxEvent unsent(UUID id, String type, String subject, String data, String traceparent,
			Instant createdAt) {
		return new OutboxEvent(id, type, subject, data, traceparent, createdAt, 0, 0, createdAt);
	}

}
