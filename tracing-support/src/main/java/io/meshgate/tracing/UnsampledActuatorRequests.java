package io.meshgate.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Requests to the actuator (probes every few seconds, Prometheus scrapes) are measured
 * like any other but never traced. Their server span starts as not sampled, in a trace of
 * its own, whatever {@code traceparent} the caller sent (Envoy sends a sampled one on a
 * scrape): it is never exported, the latency it measures carries no exemplar, and the
 * spans below it (the security filter chain, a health check's query) are not sampled
 * either, since every Meshgate process samples parent-based.
 * <p>
 * An {@code ObservationPredicate} that skips these requests, the usual advice, would drop
 * their metrics as well, and the observations below a skipped one have no span to join:
 * each would start a sampled trace of its own.
 * <p>
 * One subclass per web stack says where a request's path is: servlet services
 * (service-support) and the WebFlux gateway. Register it ahead of Boot's receiver
 * handler, which would continue the caller's trace: the tracing handlers answer
 * first-match in their order.
 *
 * @param <C> the web stack's server request observation context
 */
public abstract class UnsampledActuatorRequests<C extends Observation.Context> implements TracingObservationHandler<C> {

	private static final HexFormat HEX = HexFormat.of();

	private final Tracer tracer;

	private final String actuatorBasePath;

	private final Class<C> contextType;

	protected UnsampledActuatorRequests(Tracer tracer, String actuatorBasePath, Class<C> contextType) {
		this.tracer = tracer;
		this.actuatorBasePath = actuatorBasePath;
		this.contextType = contextType;
	}

	/** The request's path below the application's context path. */
	protected abstract String pathWithinApplication(C context);

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.contextType.isInstance(context)
				&& isActuatorPath(pathWithinApplication(this.contextType.cast(context)));
	}

	@Override
	public void onStart(C context) {
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
	public void onStop(C context) {
		getRequiredSpan(context).end();
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	boolean isActuatorPath(String path) {
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
