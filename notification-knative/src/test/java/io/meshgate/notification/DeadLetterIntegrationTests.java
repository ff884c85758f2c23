package io.meshgate.notification;

import java.util.Map;

import io.meshgate.notification.support.SharedSmtpIntegrationTest;
import io.meshgate.notification.support.TestEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's dead-letter sink ({@code POST /dead-letters}) keeps which event failed and
 * how, for any type and data, and counts it for alerting.
 */
class DeadLetterIntegrationTests extends SharedSmtpIntegrationTest {

	@Test
	void deadLetteredEventIsRecordedWithKnativeErrorAttributes() {
		TestEvent event = TestEvent.reviewCreated(TestEvent.freshAddress())
			.withHeader("ce-knativeerrorcode", "400")
			.withHeader("ce-knativeerrordest", "http://notification-knative.meshgate.svc.cluster.local");
		double before = counter("meshgate.notification.dead.letters");

		assertThat(deliver("/dead-letters", event).statusCode()).isEqualTo(204);

		Map<String, Object> row = this.jdbc
			.sql("SELECT type, error_code, error_destination FROM dead_letter WHERE id = :id")
			.param("id", event.id())
			.query()
			.singleRow();
		assertThat(row).containsEntry("type", "io.meshgate.review.created")
			.containsEntry("error_code", "400")
			.containsEntry("error_destination", "http://notification-knative.meshgate.svc.cluster.local");
		assertThat(counter("meshgate.notification.dead.letters")).isEqualTo(before + 1);
		assertThat(recordedOutcomes(event)).as("a dead letter is not handled as a review").isEmpty();
	}

	@Test
	void deadLetterOfAnyTypeAndDataIsAccepted() {
		TestEvent event = TestEvent.reviewCreated(null)
			.withHeader("ce-type", "io.meshgate.product.deleted")
			.withHeader("Content-Type", "text/plain")
			.withData("not json");

		assertThat(deliver("/dead-letters", event).statusCode()).isEqualTo(204);
		assertThat(deliver("/dead-letters", event).statusCode()).as("recorded once, acknowledged again").isEqualTo(204);
	}

}
