package io.meshgate.storefront.query;

import graphql.ErrorClassification;

/**
 * The storefront's own {@code extensions.classification} next to Spring's
 * {@link org.springframework.graphql.execution.ErrorType}.
 */
enum StorefrontErrorType implements ErrorClassification {

	/**
	 * A service the field needs is down, slow or cut off by its circuit breaker: the
	 * field is null and the rest of the result stands. Worth retrying later.
	 */
	UPSTREAM_UNAVAILABLE

}
