package io.meshgate.storefront.query;

import java.util.Map;

import io.meshgate.storefront.upstream.CallerToken;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Puts the caller's token into the GraphQL context, where data fetchers and batch loaders
 * find it on whatever thread they run; a thread-bound request or security context would
 * not follow them there.
 */
@Component
class CallerTokenInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		CallerToken caller = CallerToken.fromHeader(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(CallerToken.CONTEXT_KEY, caller)).build());
		return chain.next(request);
	}

}
