package io.meshgate.review.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The current span as a W3C {@code traceparent} (version 00), whatever propagation format
 * the service is configured to write: the outbox stores this one format.
 */
final class TraceParent {

	private TraceParent() {
	}

	/** The current span's trace context, or {@code null} when no span is current. */
	static String current(Tracer tracer) {
		Span span = tracer.currentSpan();
		if (span == null || span.isNoop()) {
			return null;
		}
		TraceContext context = span.context();
		String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
		return "00-" + context.traceId() + "-" + context.spanId() + "-" + flags;
	}

}
