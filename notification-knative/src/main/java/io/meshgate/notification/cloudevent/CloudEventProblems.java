package io.meshgate.notification.cloudevent;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of a delivery that is not a usable CloudEvent. service-support's handler
 * adds {@code instance} and {@code traceId}. A 4xx tells the broker not to retry: it
 * sends the event to its dead-letter sink, where a person can look at it.
 */
public final class CloudEventProblems {

	static final URI INVALID_EVENT = URI.create("https://meshgate.io/problems/invalid-event");

	private CloudEventProblems() {
	}

	/**
	 * 400: the attributes or the data break the CloudEvents spec or the event contract.
	 */
	public static ErrorResponseException invalidEvent(String detail) {
		return invalidEvent(detail, List.of());
	}

	/**
	 * 400 with the offending fields, in the same {@code errors} shape as every other
	 * Meshgate problem.
	 */
	public static ErrorResponseException invalidEvent(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID_EVENT);
		problem.setTitle("Invalid event");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/** 415: structured mode, or data that is not JSON. */
	static ErrorResponseException unsupportedContentType(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
		problem.setType(URI.create("https://meshgate.io/problems/unsupported-event-encoding"));
		problem.setTitle("Unsupported event encoding");
		return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
	}

	/**
	 * One entry of {@code errors}.
	 *
	 * @param field the attribute ({@code ce-id}) or the JSON name of a data field
	 * @param message what is wrong with it
	 */
	public record FieldError(String field, String message) {

	}

}
