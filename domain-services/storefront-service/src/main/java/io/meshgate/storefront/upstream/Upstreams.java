package io.meshgate.storefront.upstream;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes the {@link Upstream} of a service: {@code http://<service-name>} resolved by the
 * load balancer (simple discovery: loopback ports locally, the Service's DNS name in
 * Kubernetes), and a circuit breaker named after the service.
 */
public final class Upstreams {

	private final RestClient.Builder loadBalanced;

	private final CircuitBreakerFactory<?, ?> breakers;

	Upstreams(RestClient.Builder loadBalanced, CircuitBreakerFactory<?, ?> breakers) {
		this.loadBalanced = loadBalanced;
		this.breakers = breakers;
	}

	/**
	 * @param serviceName the upstream's service name, also its circuit breaker's
	 * @param unavailable what the client misses while it is down, as the subject of "...
	 * unavailable right now" (e.g. "Reviews are")
	 */
	public Upstream named(String serviceName, String unavailable) {
		RestClient client = this.loadBalanced.clone().baseUrl("http://" + serviceName).build();
		return new Upstream(serviceName, unavailable, client, this.breakers);
	}

}
