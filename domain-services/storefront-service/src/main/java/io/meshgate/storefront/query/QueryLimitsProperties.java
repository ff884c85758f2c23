package io.meshgate.storefront.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one GraphQL request may ask for. Depth and complexity are checked before anything
 * runs, so an abusive query costs no upstream call; the argument caps keep each batch
 * within what the upstreams accept.
 *
 * @param maxDepth deepest nesting of fields (introspection included); the storefront's
 * own types nest five deep ({@code products.items.reviews.reviewer.displayName})
 * @param maxComplexity the most a query may cost: one per field, list fields multiplied
 * by how many items they may return ({@code size}, {@code limit}); see docs/storefront.md
 * @param maxPageSize the largest {@code size} of {@code products}; at most 100, the
 * number of ids review-service's batch call accepts
 * @param maxReviewsPerProduct the largest {@code limit} of {@code Product.reviews}
 */
@Validated
@ConfigurationProperties("meshgate.storefront.query")
public record QueryLimitsProperties(@DefaultValue("10") @Min(1) int maxDepth,
		@DefaultValue("5000") @Min(1) int maxComplexity, @DefaultValue("100") @Min(1) @Max(100) int maxPageSize,
		@DefaultValue("20") @Min(1) @Max(100) int maxReviewsPerProduct) {

	public void checkPage(int page, int size) {
		if (page < 0) {
			throw new InvalidArgumentException("page must not be negative.");
		}
		if (size < 1 || size > this.maxPageSize) {
			throw new InvalidArgumentException("size must be between 1 and " + this.maxPageSize + ".");
		}
	}

	public void checkReviewLimit(int limit) {
		if (limit < 1 || limit > this.maxReviewsPerProduct) {
			throw new InvalidArgumentException("limit must be between 1 and " + this.maxReviewsPerProduct + ".");
		}
	}

}
