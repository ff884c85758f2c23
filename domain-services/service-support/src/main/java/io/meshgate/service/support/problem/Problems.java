package io.meshgate.service.support.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of Meshgate's services, built in one place: those that both the security
 * chain and the MVC exception handler answer with, so a 401 or 403 reads the same
 * whichever of them saw it first, and each service's own through {@link #of}.
 */
public final class Problems {

	/** Where every problem {@code type} of Meshgate lives, one page per type. */
	private static final String TYPES = "https://meshgate.io/problems/";

	static final URI INVALID_REQUEST = URI.create(TYPES + "invalid-request");

	private Problems() {
	}

	/**
	 * A problem of a service's own API, to throw: the exception handler answers it with
	 * {@code instance} and {@code traceId} added, like every other error.
	 * @param type the last segment of the type URI, e.g. {@code product-not-found}
	 * @param title the same for every occurrence of the type
	 * @param detail this occurrence, written for the client
	 */
	public static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	static ProblemDetail unauthorized() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
	}

	static ProblemDetail forbidden() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token does not allow this request.");
	}

	static ProblemDetail unexpected() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server could not complete the request.");
	}

	static ProblemDetail invalidFields(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * One entry of {@code errors}.
	 *
	 * @param field the JSON name of the field, or the parameter
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {

	}

}
