package io.meshgate.storefront.upstream;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * One upstream service, called by its service name through the load balancer and behind
 * its own circuit breaker, with the caller's token relayed. Every failure (connection,
 * timeout, an error status, an unreadable body, an open breaker) becomes an
 * {@link UpstreamUnavailableException}, which the GraphQL layer turns into an error on
 * the fields that needed this upstream.
 */
public final class Upstream {

	private static final Logger logger = LoggerFactory.getLogger(Upstream.class);

	private final String name;

	private final String unavailable;

	private final RestClient client;

	private final CircuitBreakerFactory<?, ?> breakers;

	Upstream(String name, String unavailable, RestClient client, CircuitBreakerFactory<?, ?> breakers) {
		this.name = name;
		this.unavailable = unavailable;
		this.client = client;
		this.breakers = breakers;
	}

	/** A GET that must succeed. */
	public <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type, CallerToken caller) {
		return call(() -> this.client.get().uri(uri).headers(caller::applyTo).retrieve().body(type));
	}

	/**
	 * A GET of one resource, where 404 means that it does not exist. That answer is no
	 * failure of the upstream, so it does not count against its circuit breaker.
	 */
	public <T> Optional<T> find(Function<UriBuilder, URI> uri, Class<T> type, CallerToken caller) {
		return call(() -> {
			try {
				return Optional.ofNullable(this.client.get().uri(uri).headers(caller::applyTo).retrieve().body(type));
			}
			catch (HttpClientErrorException.NotFound ex) {
				return Optional.empty();
			}
		});
	}

	private <T> T call(Supplier<T> request) {
		// Looked up by name on each call, as Spring Cloud intends; the breaker's state
		// lives in the Resilience4j registry.
		return this.breakers.create(this.name).run(request, (failure) -> {
			// The reason is for the log; the client learns what is missing, not why.
			logger.warn("{} call failed: {}", this.name, String.valueOf(failure));
			throw new UpstreamUnavailableException(this.name, this.unavailable, failure);
		});
	}

	@Override
	public String toString() {
		return "Upstream[" + this.name + "]";
	}

}
