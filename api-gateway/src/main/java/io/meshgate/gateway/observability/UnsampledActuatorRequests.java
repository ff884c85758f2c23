package io.meshgate.gateway.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Requests to the actuator (probes every few seconds, Prometheus scrapes) are measured
 * like any other but never traced; the WebFlux counterpart of what service-support gives
 * the services. Their server span starts as not sampled, in a trace of its own, whatever
 * {@code traceparent} the caller sent (Envoy sends a sampled one on a scrape): it is
 * never exported, the latency it measures carries no exemplar, and the spans below it
 * (the security filter chain, the Redis health check) are not sampled either, since
 * sampling is parent-based.
 * <p>
 * An {@code ObservationPredicate} that skips these requests, the usual advice, would drop
 * their metrics as well, and the observations below a skipped one have no span to join:
 * each would start a sampled trace of its own.
 * <p>
 * Ordered ahead of Boot's receiver handler, which would continue the caller's trace: the
 * tracing handlers answer first-match in this order.
 */
@Component
@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER - 1)
class UnsampledActuatorRequests implements TracingObservationHandler<ServerRequestObservationContext> {

	private static final HexFormat HEX = HexFormat.of();

	private final Tracer tracer;

	private final String actuatorBasePath;

	UnsampledActuatorRequests(Tracer tracer, WebEndpointProperties endpoints) {
		this.tracer = tracer;
		this.actuatorBasePath = endpoints.getBasePath();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ServerRequestObservationContext server && isActuatorRequest(server.getCarrier());
	}

	@Override
	public void onStart(ServerRequestObservationContext context) {
		// The tracing API sets sampling only through a parent: an unsampled one, made
		// up here, makes the span unsampled under parent-based sampling.
		TraceContext unsampledParent = this.tracer.traceContextBuilder()
			.traceId(randomId() + randomId())
			.spanId(randomId())
			.sampled(false)
			.build();
		Span span = this.tracer.spanBuilder().setParent(unsampledParent).kind(Span.Kind.SERVER).start();
		getTracingContext(context).setSpan(span);
	}

	@Override
	public void onStop(ServerRequestObservationContext context) {
		getRequiredSpan(context).end();
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	private boolean isActuatorRequest(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		// With an empty base path (the actuator at the root of its own port) every
		// request would look like one to the actuator, so none is left out.
		return !this.actuatorBasePath.isEmpty()
				&& (path.equals(this.actuatorBasePath) || path.startsWith(this.actuatorBasePath + "/"));
	}

	/** 16 hex digits, never all zero (an id of zeros is invalid and would be ignored). */
	private static String randomId() {
		return HEX.toHexDigits(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
	}

}
