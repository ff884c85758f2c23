package io.meshgate.service.support.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The observability settings every service shares, below anything the service or its
 * environment sets.
 * <ul>
 * <li>Tracing formats of CONTRACTS.md: W3C {@code traceparent} on the wire, B3 also read
 * on input (Envoy may send it). Zipkin export stays off unless the environment turns it
 * on (local-platform does when it runs a trace UI); OTLP export starts only once its
 * endpoint is set (the Kubernetes overlays set it), so nothing tries to reach a collector
 * that does not exist.</li>
 * <li>HTTP server and client latency histograms with buckets at the SLO thresholds the
 * alerts and dashboards use (observability/prometheus): Micrometer's default buckets have
 * none at exactly 500 ms.</li>
 * </ul>
 */
class ObservabilityDefaults implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "meshgateObservabilityDefaults";

	static final String SLO_BUCKETS = "50ms,100ms,250ms,500ms,1s,2s,5s";

	private static final Map<String, Object> DEFAULTS = Map.of("management.tracing.propagation.consume", "w3c,b3",
			"management.tracing.propagation.produce", "w3c", "management.tracing.export.zipkin.enabled", "false",
			"management.metrics.distribution.slo.http.server.requests", SLO_BUCKETS,
			"management.metrics.distribution.slo.http.client.requests", SLO_BUCKETS);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
	}

}
