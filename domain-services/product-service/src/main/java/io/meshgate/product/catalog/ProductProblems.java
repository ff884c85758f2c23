package io.meshgate.product.catalog;

import io.meshgate.service.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of the catalog API; service-support's handler turns them into problem
 * details with {@code instance} and {@code traceId}.
 */
final class ProductProblems {

	private ProductProblems() {
	}

	static ErrorResponseException notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "product-not-found", "Product not found",
				"There is no product with this id.");
	}

	/** 428: a write without {@code If-Match} could overwrite a change unseen. */
	static ErrorResponseException ifMatchRequired() {
		return Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
				"Send If-Match with the ETag of the product you read, so that no change is overwritten unseen.");
	}

	/** 412: the product changed since the client read it. */
	static ErrorResponseException productChanged() {
		return Problems.of(HttpStatus.PRECONDITION_FAILED, "product-changed", "Product changed",
				"The product is no longer at the version in If-Match: read it again and reapply the change.");
	}

}
