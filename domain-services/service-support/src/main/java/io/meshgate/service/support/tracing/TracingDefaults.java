package io.meshgate.service.support.tracing;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tracing formats of CONTRACTS.md for every service, below anything the service or
 * its environment sets: W3C {@code traceparent} on the wire, B3 also read on input (Envoy
 * may send it). Zipkin export stays off unless the environment turns it on
 * (local-platform does when it runs a trace UI); OTLP export starts only once its
 * endpoint is set (the Kubernetes overlays set it), so nothing tries to reach a collector
 * that does not exist.
 */
class TracingDefaults implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "meshgateTracingDefaults";

	private static final Map<String, Object> DEFAULTS = Map.of("management.tracing.propagation.consume", "w3c,b3",
			"management.tracing.propagation.produce", "w3c", "management.tracing.export.zipkin.enabled", "false");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
	}

}
