package io.meshgate.notification;

import java.net.http.HttpResponse;

import io.meshgate.notification.support.SharedSmtpIntegrationTest;
import io.meshgate.notification.support.TestEvent;
import io.meshgate.notification.support.TestSmtp;
import io.meshgate.service.testsupport.ProblemAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that can never succeed is refused with a 4xx problem, which makes the broker
 * dead-letter it instead of retrying, and sends no mail.
 */
class InvalidEventIntegrationTests extends SharedSmtpIntegrationTest {

	private final String reviewer = TestEvent.freshAddress();

	private final TestEvent valid = TestEvent.reviewCreated(this.reviewer);

	@ParameterizedTest
	@ValueSource(strings = { "ce-type", "ce-id", "ce-source" })
	void eventWithoutRequiredAttributeIsRefused(String attribute) {
		HttpResponse<String> response = deliver(this.valid.withoutHeader(attribute));

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly(attribute);
		assertNothingHappened(this.valid);
	}

	@Test
	void eventWithEmptyIdIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withHeader("ce-id", " "));

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly("ce-id");
	}

	@Test
	void eventWithOverlongIdIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withHeader("ce-id", "x".repeat(129)));

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly("ce-id");
		assertThat(TestSmtp.messagesTo(this.reviewer)).isEmpty();
	}

	@Test
	void eventOfAnotherTypeIsRefused() {
		TestEvent event = this.valid.withHeader("ce-type", "io.meshgate.review.deleted");

		HttpResponse<String> response = deliver(event);

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly("ce-type");
		assertNothingHappened(event);
	}

	@Test
	void eventOfAnotherSpecVersionIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withHeader("ce-specversion", "0.3"));

		assertProblem(response, 400, "/");
		assertNothingHappened(this.valid);
	}

	@Test
	void requestWithoutSpecVersionIsNoCloudEvent() {
		HttpResponse<String> response = deliver(this.valid.withoutHeader("ce-specversion"));

		assertThat(assertProblem(response, 400, "/").get("detail").asString()).contains("ce-specversion");
		assertNothingHappened(this.valid);
	}

	@Test
	void eventWithInvalidTimeIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withHeader("ce-time", "yesterday"));

		assertProblem(response, 400, "/");
		assertNothingHappened(this.valid);
	}

	@Test
	void dataThatIsNoJsonIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withData("{\"reviewId\": "));

		assertProblem(response, 400, "/");
		assertNothingHappened(this.valid);
	}

	@Test
	void eventWithoutDataIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withData(null));

		assertProblem(response, 400, "/");
		assertNothingHappened(this.valid);
	}

	@Test
	void dataWithoutRequiredFieldsIsRefusedNamingThem() {
		TestEvent event = this.valid.withoutDataField("productName").withoutDataField("rating");

		HttpResponse<String> response = deliver(event);

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly("productName", "rating");
		assertNothingHappened(event);
	}

	@Test
	void ratingOutsideOneToFiveIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withDataField("rating", "6"));

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly("rating");
		assertNothingHappened(this.valid);
	}

	@Test
	void fieldOfWrongTypeIsRefusedNamingIt() {
		HttpResponse<String> response = deliver(this.valid.withDataField("reviewId", "\"not-a-uuid\""));

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly("reviewId");
		assertNothingHappened(this.valid);
	}

	@Test
	void malformedAddressIsRefused() {
		HttpResponse<String> response = deliver(this.valid.withDataField("reviewerEmail", "\"not an address\""));

		assertProblem(response, 400, "/");
		assertThat(ProblemAssertions.fieldsInError(response)).containsExactly("reviewerEmail");
	}

	@Test
	void structuredModeIsRefusedAsUnsupported() {
		HttpResponse<String> response = deliver(
				this.valid.withHeader("Content-Type", "application/cloudevents+json; charset=utf-8"));

		assertThat(assertProblem(response, 415, "/").get("detail").asString()).contains("binary mode");
		assertNothingHappened(this.valid);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "application/octet-stream" })
	void dataThatIsNotJsonIsRefusedAsUnsupported(String contentType) {
		HttpResponse<String> response = deliver(this.valid.withHeader("Content-Type", contentType));

		assertThat(assertProblem(response, 415, "/").get("detail").asString()).contains("application/json");
		assertNothingHappened(this.valid);
	}

	@Test
	void eventWithoutContentTypeIsRefusedAsUnsupported() {
		HttpResponse<String> response = deliver(this.valid.withoutHeader("Content-Type"));

		assertProblem(response, 415, "/");
		assertNothingHappened(this.valid);
	}

	private void assertNothingHappened(TestEvent event) {
		assertThat(TestSmtp.messagesTo(this.reviewer)).isEmpty();
		assertThat(recordedOutcomes(event)).isEmpty();
	}

}
