package io.meshgate.service.support.observability;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Under the OpenTelemetry Java agent (the Kubernetes overlays attach it, with
 * {@code meshgate.tracing.java-agent=true}), Micrometer traces through the agent's
 * OpenTelemetry instead of an SDK of its own: one pipeline, one exporter, and the agent's
 * JDBC spans become children of Micrometer's server span. With two SDKs the agent cannot
 * see the application's current span, and its spans hang off the caller's instead.
 */
@AutoConfiguration(before = OpenTelemetrySdkAutoConfiguration.class)
@ConditionalOnProperty(name = "meshgate.tracing.java-agent", havingValue = "true")
public class JavaAgentTracingAutoConfiguration {

	@Bean
	OpenTelemetry agentOpenTelemetry() {
		return GlobalOpenTelemetry.get();
	}

}
