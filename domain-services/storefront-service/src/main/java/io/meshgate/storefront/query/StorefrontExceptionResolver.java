package io.meshgate.storefront.query;

import java.util.Map;
import java.util.concurrent.CompletionException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.meshgate.storefront.upstream.UpstreamUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions of data fetchers become GraphQL errors: each names the
 * field's path and a classification, and its message is written for the client, never an
 * exception's own message, class name or stack trace. The field is null; the rest of the
 * result stands (partial results).
 */
@Component
class StorefrontExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(StorefrontExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		// Fields loaded through a DataLoader fail with the batch's exception wrapped.
		Throwable failure = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (failure instanceof UpstreamUnavailableException unavailable) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(StorefrontErrorType.UPSTREAM_UNAVAILABLE)
				.message(unavailable.getMessage())
				.extensions(Map.of("upstream", unavailable.upstream()))
				.build();
		}
		if (failure instanceof InvalidArgumentException invalid) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(invalid.getMessage())
				.build();
		}
		logger.error("Unexpected error fetching {}", env.getExecutionStepInfo().getPath(), failure);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("The storefront could not load this field.")
			.build();
	}

}
