package io.meshgate.service.support.observability;

import io.micrometer.tracing.Tracer;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Requests to the actuator stay out of the traces ({@link UnsampledActuatorRequests}). On
 * a management port of its own they are observed by
 * {@link ManagementServerObservationConfiguration}.
 */
@AutoConfiguration(after = MicrometerTracingAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(Tracer.class)
public class ActuatorTracingAutoConfiguration {

	// The tracing handlers answer first-match in this order: ahead of Boot's receiver
	// handler, which would continue the caller's trace.
	@Bean
	@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER - 1)
	UnsampledActuatorRequests unsampledActuatorRequests(Tracer tracer, WebEndpointProperties endpoints) {
		return new UnsampledActuatorRequests(tracer, endpoints.getBasePath());
	}

}
