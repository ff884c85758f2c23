package io.meshgate.review.reviews;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of the review API; service-support's handler turns them into problem
 * details with {@code instance} and {@code traceId}.
 */
final class ReviewProblems {

	private ReviewProblems() {
	}

	static ErrorResponseException reviewNotFound() {
		return problem(HttpStatus.NOT_FOUND, "review-not-found", "Review not found",
				"There is no review with this id.");
	}

	/**
	 * 403: a valid token whose subject is not an account, such as a service's
	 * client-credentials token; only members write reviews.
	 */
	static ErrorResponseException notAMember() {
		return problem(HttpStatus.FORBIDDEN, "not-a-member", "Not a member",
				"The token does not name a member account.");
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://meshgate.io/problems/" + type));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
