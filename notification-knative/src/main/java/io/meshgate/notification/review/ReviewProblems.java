package io.meshgate.notification.review;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems of handling a valid {@code review.created} event. */
final class ReviewProblems {

	/** A hint only: the broker's own backoff decides when it delivers again. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private ReviewProblems() {
	}

	/**
	 * 503: the mail server did not take the mail this time. Nothing was recorded, so the
	 * broker's retry sends it; after its last retry the event goes to the dead-letter
	 * sink.
	 */
	static ErrorResponseException mailUnavailable() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The mail server did not accept the message; deliver the event again later.");
		problem.setType(URI.create("https://meshgate.io/problems/mail-unavailable"));
		problem.setTitle("Mail unavailable");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
		return exception;
	}

}
