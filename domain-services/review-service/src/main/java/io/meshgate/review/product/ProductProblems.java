package io.meshgate.review.product;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a client sees when the product a review names cannot be confirmed.
 */
final class ProductProblems {

	private ProductProblems() {
	}

	/** 422: the request is well-formed, but product-service does not know the product. */
	static ErrorResponseException unknownProduct() {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product",
				"There is no product with this productId.");
	}

	/**
	 * 503 with {@code Retry-After}: product-service is down, too slow, failing, or the
	 * circuit is open; nothing was stored and the same request may be sent again.
	 */
	static ErrorResponseException productServiceUnavailable(Duration retryAfter) {
		ErrorResponseException exception = problem(HttpStatus.SERVICE_UNAVAILABLE, "product-service-unavailable",
				"Product service unavailable",
				"The product could not be checked right now; nothing was stored. Try again later.");
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
		return exception;
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://meshgate.io/problems/" + type));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
