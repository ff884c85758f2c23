package io.meshgate.storefront.upstream;

import java.util.Locale;

import graphql.GraphQLContext;

import org.springframework.http.HttpHeaders;

/**
 * The caller's bearer token, relayed unchanged to every upstream so that each of them
 * sees who asks (and applies its own rules). Only a {@code Bearer} header is relayed: the
 * resource server has already refused an invalid one with 401, so whatever gets here was
 * validated, and any other scheme was never checked and stays here.
 *
 * @param authorization the {@code Authorization} header value, or {@code null} for an
 * anonymous caller
 */
public record CallerToken(String authorization) {

	/** Where the GraphQL context holds the caller's token for data fetchers. */
	public static final String CONTEXT_KEY = "callerToken";

	public static final CallerToken ANONYMOUS = new CallerToken(null);

	public static CallerToken fromHeader(String authorization) {
		boolean bearer = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ");
		return bearer ? new CallerToken(authorization) : ANONYMOUS;
	}

	/** The token of the request a batch loader works for. */
	public static CallerToken from(GraphQLContext context) {
		return context.getOrDefault(CONTEXT_KEY, ANONYMOUS);
	}

	void applyTo(HttpHeaders headers) {
		if (this.authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		}
	}

	/** Never the token itself: records print their components. */
	@Override
	public String toString() {
		return (this.authorization != null) ? "CallerToken[bearer]" : "CallerToken[anonymous]";
	}

}
