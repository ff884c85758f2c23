package io.meshgate.storefront.upstream;

import java.net.URI;

import io.meshgate.service.support.eastwest.EastWestClients;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes the {@link Upstream} of a service: {@code http://<service-name>} resolved by the
 * load balancer with the storefront's timeouts ({@link EastWestClients}), and a circuit
 * breaker named after the service.
 */
public final class Upstreams {

	private final EastWestClients eastWest;

	private final UpstreamProperties timeouts;

	private final CircuitBreakerFactory<?, ?> breakers;

	Upstreams(EastWestClients eastWest, UpstreamProperties timeouts, CircuitBreakerFactory<?, ?> breakers) {
		this.eastWest = eastWest;
		this.timeouts = timeouts;
		this.breakers = breakers;
	}

	/**
	 * @param serviceName the upstream's service name, also its circuit breaker's
	 * @param unavailable what the client misses while it is down, as the subject of "...
	 * unavailable right now" (e.g. "Reviews are")
	 */
	public Upstream named(String serviceName, String unavailable) {
		RestClient client = this.eastWest.forService(URI.create("http://" + serviceName),
				this.timeouts.connectTimeout(), this.timeouts.readTimeout());
		return new Upstream(serviceName, unavailable, client, this.breakers);
	}

}
