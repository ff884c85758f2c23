package io.meshgate.service.support.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problems that both the security chain and the MVC exception handler answer with,
 * built in one place so a 401 or 403 reads the same whichever of them saw it first.
 */
final class Problems {

	static final URI INVALID_REQUEST = URI.create("https://meshgate.io/problems/invalid-request");

	private Problems() {
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
