package io.meshgate.storefront.query;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Depth and complexity limits, checked by graphql-java once the query is validated and
 * before any data fetcher runs (Spring Boot adds every Instrumentation bean to the
 * schema).
 */
@Configuration(proxyBeanMethods = false)
class QueryLimitsConfig {

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(QueryLimitsProperties limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth()) {

			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return new AbortExecutionException(
						"The query is nested " + depth + " levels deep; at most " + maxDepth + " are allowed.");
			}

		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexityInstrumentation(QueryLimitsProperties limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), complexity(limits)) {

			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return new AbortExecutionException("The query's complexity is " + complexity + "; at most "
						+ maxComplexity + " is allowed. Ask for fewer items or fewer fields.");
			}

		};
	}

	/**
	 * One per field, plus what its selection costs for every item a list may hold:
	 * {@code products(size: 20) { items { id name } }} costs 1 + (1 + 20 × 2) = 42. The
	 * multiplier never exceeds the argument's cap, so a too large {@code size} or
	 * {@code limit} meets the clearer argument error instead.
	 */
	static FieldComplexityCalculator complexity(QueryLimitsProperties limits) {
		return (field, childComplexity) -> 1 + itemsPerSelection(field, limits) * childComplexity;
	}

	private static int itemsPerSelection(FieldComplexityEnvironment field, QueryLimitsProperties limits) {
		String type = field.getParentType().getName();
		String name = field.getFieldDefinition().getName();
		if (type.equals("ProductPage") && name.equals("items") && field.getParentEnvironment() != null) {
			return itemCount(field.getParentEnvironment().getArguments().get("size"), limits.maxPageSize());
		}
		if (type.equals("Product") && name.equals("reviews")) {
			return itemCount(field.getArguments().get("limit"), limits.maxReviewsPerProduct());
		}
		return 1;
	}

	private static int itemCount(Object argument, int cap) {
		return (argument instanceof Integer count) ? Math.max(1, Math.min(count, cap)) : 1;
	}

}
