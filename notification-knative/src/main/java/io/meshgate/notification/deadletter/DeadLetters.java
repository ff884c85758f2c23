package io.meshgate.notification.deadletter;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Events the broker gave up on, recorded for a person to look at: which event, where it
 * failed and with what status (the {@code knativeerror*} extensions Knative adds). The
 * data is not kept: it carries the reviewer's address and text, and the producer still
 * has the review.
 */
@Repository
class DeadLetters {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private final JdbcClient jdbc;

	private final Counter received;

	DeadLetters(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.received = Counter.builder("meshgate.notification.dead.letters")
			.description("Events the broker could not deliver and sent to the dead-letter sink")
			.register(meters);
	}

	void record(CloudEvent event) {
		String errorCode = extension(event, "knativeerrorcode");
		String errorDestination = extension(event, "knativeerrordest");
		this.jdbc.sql("""
				INSERT INTO dead_letter (source, id, type, error_code, error_destination)
				VALUES (:source, :id, :type, :errorCode, :errorDestination)
				ON CONFLICT (source, id) DO NOTHING
				""")
			.param("source", event.getSource().toString())
			.param("id", event.getId())
			.param("type", event.getType())
			.param("errorCode", errorCode)
			.param("errorDestination", errorDestination)
			.update();
		this.received.increment();
		logger.atError()
			.addKeyValue("eventId", event.getId())
			.addKeyValue("eventSource", event.getSource())
			.addKeyValue("eventType", event.getType())
			.addKeyValue("errorCode", errorCode)
			.addKeyValue("errorDestination", errorDestination)
			.log("Event dead-lettered by the broker");
	}

	private static String extension(CloudEvent event, String name) {
		Object value = event.getExtension(name);
		return (value != null) ? value.toString() : null;
	}

}
