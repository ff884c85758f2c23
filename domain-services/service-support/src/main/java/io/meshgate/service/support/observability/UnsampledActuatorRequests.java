package io.meshgate.service.support.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Requests to the actuator (probes every few seconds, Prometheus scrapes) are measured
 * like any other but never traced. Their server span starts as not sampled, in a trace of
 * its own, whatever {@code traceparent} the caller sent (Envoy sends a sampled one on a
 * scrape): it is never exported, the latency it measures carries no exemplar, and the
 * spans below it (the security filter chain, a health check's query) are not sampled
 * either, since every service samples parent-based.
 * <p>
 * An {@code ObservationPredicate} that skips these requests, the usual advice, would drop
 * their metrics as well, and the observations below a skipped one have no span to join:
 * each would start a sampled trace of its own.
 */
class UnsampledActuatorRequests implements TracingObservationHandler<ServerRequestObservationContext> {

	private static final HexFormat HEX = HexFormat.of();

	private final Tracer tracer;

	private final String actuatorBasePath;

	UnsampledActuatorRequests(Tracer tracer, String actuatorBasePath) {
		this.tracer = tracer;
		this.actuatorBasePath = actuatorBasePath;
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

	private boolean isActuatorRequest(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
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
