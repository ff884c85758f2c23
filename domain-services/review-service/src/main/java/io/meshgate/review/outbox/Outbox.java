package io.meshgate.review.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a feature writes the events its changes cause. An event is written in the
 * transaction of the change (required: there is no other way to call this), so it exists
 * if and only if the change was committed; {@link OutboxRelay} delivers it later.
 */
@Component
public class Outbox {

	private final OutboxRepository repository;

	private final JsonMapper json;

	private final ObjectProvider<Tracer> tracer;

	Outbox(OutboxRepository repository, JsonMapper json, ObjectProvider<Tracer> tracer) {
		this.repository = repository;
		this.json = json;
		this.tracer = tracer;
	}

	/**
	 * Writes an event, with the trace context of the current request so that its delivery
	 * continues the same trace.
	 * @param type the CloudEvents {@code type}, {@code io.meshgate.<entity>.<verb>}
	 * @param subject the id of what changed
	 * @param data the event's data, written as JSON
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String type, String subject, Object data) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String traceparent = TraceParent.current(this.tracer.getIfAvailable(() -> Tracer.NOOP));
		this.repository.insert(OutboxEvent.unsent(UUID.randomUUID(), type, subject, this.json.writeValueAsString(data),
				traceparent, now));
	}

}
