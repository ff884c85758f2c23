package io.meshgate.review.reviews;

import io.meshgate.service.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of the review API; service-support's handler turns them into problem
 * details with {@code instance} and {@code traceId}.
 */
final class ReviewProblems {

	private ReviewProblems() {
	}

	static ErrorResponseException reviewNotFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "review-not-found", "Review not found",
				"There is no review with this id.");
	}

}
