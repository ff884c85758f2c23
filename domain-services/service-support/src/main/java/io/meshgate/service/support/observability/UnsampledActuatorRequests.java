package io.meshgate.service.support.observability;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.tracing.Tracer;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Requests to the actuator are measured but never traced (tracing-support's
 * {@link io.meshgate.tracing.UnsampledActuatorRequests}), on servlet services.
 */
class UnsampledActuatorRequests extends io.meshgate.tracing.UnsampledActuatorRequests<ServerRequestObservationContext> {

	UnsampledActuatorRequests(Tracer tracer, String actuatorBasePath) {
		super(tracer, actuatorBasePath, ServerRequestObservationContext.class);
	}

	@Override
	protected String pathWithinApplication(ServerRequestObservationContext context) {
		HttpServletRequest request = context.getCarrier();
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
