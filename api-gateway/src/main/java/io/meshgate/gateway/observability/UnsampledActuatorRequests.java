package io.meshgate.gateway.observability;

import io.micrometer.tracing.Tracer;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Requests to the actuator are measured but never traced (tracing-support's
 * {@link io.meshgate.tracing.UnsampledActuatorRequests}): probes, scrapes and the Redis
 * health check below them stay out of the traces. Ordered ahead of Boot's receiver
 * handler, which would continue the caller's trace.
 */
@Component
@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER - 1)
class UnsampledActuatorRequests extends io.meshgate.tracing.UnsampledActuatorRequests<ServerRequestObservationContext> {

	UnsampledActuatorRequests(Tracer tracer, WebEndpointProperties endpoints) {
		super(tracer, endpoints.getBasePath(), ServerRequestObservationContext.class);
	}

	@Override
	protected String pathWithinApplication(ServerRequestObservationContext context) {
		return context.getCarrier().getPath().pathWithinApplication().value();
	}

}
