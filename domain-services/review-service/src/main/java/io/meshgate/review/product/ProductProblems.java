package io.meshgate.review.product;

import java.time.Duration;

import io.meshgate.service.support.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * What a client sees when the product a review names cannot be confirmed.
 */
final class ProductProblems {

	private ProductProblems() {
	}

	/** 422: the request is well-formed, but product-service does not know the product. */
	static ErrorResponseException unknownProduct() {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product",
				"There is no product with this productId.");
	}

	/**
	 * 503 with {@code Retry-After}: product-service is down, too slow, failing, or the
	 * circuit is open; nothing was stored and the same request may be sent again.
	 */
	static ErrorResponseException productServiceUnavailable(Duration retryAfter) {
		ErrorResponseException exception = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "product-service-unavailable",
				"Product service unavailable",
				"The product could not be checked right now; nothing was stored. Try again later.");
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
		return exception;
	}

}
