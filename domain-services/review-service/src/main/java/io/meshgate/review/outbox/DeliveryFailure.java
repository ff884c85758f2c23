package io.meshgate.review.outbox;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientResponseException;

/**
 * Why one delivery failed, and whether sending the same event again can ever succeed.
 * <p>
 * A refusal is permanent when the sink answered a 4xx about the event itself (400 invalid
 * event, 413, 415, 422, ...): the same bytes will be refused again. Everything else
 * passes and is retried for as long as it lasts: no answer (connection refused, timeout),
 * 5xx, 408 and 429 (the sink asks to be called later), and also 401, 403 and 404, which
 * say that the way to the sink is wrong (an Istio AuthorizationPolicy refusing
 * review-service, a broker missing or being recreated, a wrong {@code K_SINK}): that
 * refuses every event alike, is cured by fixing the configuration, and would otherwise
 * park the whole outbox until someone re-queued it by hand.
 *
 * @param status the sink's HTTP status, or {@code null} when it did not answer
 * @param reason a short description for the table and the log: the status and its reason
 * phrase, or the I/O error; never the event nor the sink's response body
 * @param permanent whether the sink refused this event for good
 */
record DeliveryFailure(Integer status, String reason, boolean permanent) {

	private static final Set<Integer> PASSING_CLIENT_ERRORS = Set.of(401, 403, 404, 408, 429);

	private static final int MAX_REASON_LENGTH = 200;

	static DeliveryFailure of(RuntimeException ex) {
		if (ex instanceof RestClientResponseException response) {
			HttpStatusCode status = response.getStatusCode();
			return new DeliveryFailure(status.value(), "sink answered " + describe(status), refusesTheEvent(status));
		}
		// The client's own exception (ConnectException, HttpTimeoutException): Spring's
		// wrapper only repeats the URL, and the causes below it often carry no message.
		Throwable ioError = (ex.getCause() != null) ? ex.getCause() : ex;
		return new DeliveryFailure(null, shorten(ioError.toString()), false);
	}

	private static boolean refusesTheEvent(HttpStatusCode status) {
		return status.is4xxClientError() && !PASSING_CLIENT_ERRORS.contains(status.value());
	}

	private static String describe(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? status.value() + " " + known.getReasonPhrase() : String.valueOf(status.value());
	}

	private static String shorten(String reason) {
		return (reason.length() <= MAX_REASON_LENGTH) ? reason : reason.substring(0, MAX_REASON_LENGTH);
	}

}
