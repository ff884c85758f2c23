package io.meshgate.review.outbox;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a 4xx about the event itself is a refusal for good; whatever the sink's own
 * trouble, it is worth trying again. The reason stored and logged names the status or the
 * I/O error, never more.
 */
class DeliveryFailureTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 400, 409, 410, 413, 415, 422, 499 })
	void clientErrorAboutTheEventIsPermanent(int status) {
		DeliveryFailure failure = DeliveryFailure.of(sinkAnswered(status));

		assertThat(failure.permanent()).isTrue();
		assertThat(failure.status()).isEqualTo(status);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 500, 502, 503, 504, 408, 429, 401, 403, 404, 302 })
	void troubleOfTheSinkOrOfTheWayToItIsTransient(int status) {
		DeliveryFailure failure = DeliveryFailure.of(sinkAnswered(status));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.status()).isEqualTo(status);
	}

	@Test
	void noAnswerIsTransientWithoutStatus() {
		DeliveryFailure failure = DeliveryFailure
			.of(new ResourceAccessException("I/O error on POST request", new ConnectException("Connection refused")));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.status()).isNull();
		assertThat(failure.reason()).isEqualTo("java.net.ConnectException: Connection refused");
	}

	@Test
	void reasonNamesTheStatusAndItsPhrase() {
		assertThat(DeliveryFailure.of(sinkAnswered(413)).reason()).isEqualTo("sink answered 413 Content Too Large");
		assertThat(DeliveryFailure.of(sinkAnswered(499)).reason()).isEqualTo("sink answered 499");
	}

	@Test
	void reasonOfAnIoErrorIsCutShort() {
		String longMessage = "timed out ".repeat(50);

		DeliveryFailure failure = DeliveryFailure
			.of(new ResourceAccessException("I/O error", new HttpTimeoutException(longMessage)));

		assertThat(failure.reason()).hasSize(200).startsWith("java.net.http.HttpTimeoutException: timed out");
	}

	/** What {@link CloudEventSender} throws for an answer other than 2xx. */
	private static RestClientResponseException sinkAnswered(int status) {
		return new RestClientResponseException("sink answered " + status, HttpStatusCode.valueOf(status), "", null,
				null, null);
	}

}
