package io.meshgate.service.support.eastwest;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Settings every service that calls others by name shares, below anything the service or
 * its environment sets.
 * <ul>
 * <li>No load balancer cache: the instances come from configuration
 * ({@link ConfiguredInstances}), so there is nothing to cache, and Spring Cloud's default
 * cache would warn at start-up that it is not for production.</li>
 * <li>Circuit breakers run the call on the caller's thread, where its trace and security
 * context are: the timeouts of {@link EastWestClients} bound it, so no time limiter
 * thread pool. No bulkhead either: concurrency towards a service is the sidecar's
 * business (the DestinationRule's connection pool); a second, smaller limit here would
 * only fail requests early.</li>
 * </ul>
 */
class EastWestDefaults implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "meshgateEastWestDefaults";

	private static final Map<String, Object> DEFAULTS = Map.of("spring.cloud.loadbalancer.cache.enabled", "false",
			"spring.cloud.circuitbreaker.resilience4j.disable-thread-pool", "true",
			"spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled", "false");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ClassUtils.isPresent("org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients",
				application.getClassLoader())) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
		}
	}

}
