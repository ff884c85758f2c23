package io.meshgate.auth.account;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Sign-up with an e-mail that already belongs to an account: 409 Conflict.
 */
class DuplicateEmailException extends ErrorResponseException {

	DuplicateEmailException() {
		super(HttpStatus.CONFLICT, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"An account with this e-mail already exists.");
		problem.setType(URI.create("https://meshgate.io/problems/duplicate-email"));
		problem.setTitle("E-mail already registered");
		return problem;
	}

}
