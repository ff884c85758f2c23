package io.meshgate.service.support.problem;

import java.net.URI;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;

/**
 * Adds what every problem detail of Meshgate carries: the request path as
 * {@code instance} and the trace id to quote when reporting it.
 */
class ProblemDecorator {

	private final ObjectProvider<Tracer> tracer;

	ProblemDecorator(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	ProblemDetail decorate(ProblemDetail problem, String requestPath) {
		problem.setInstance(URI.create(requestPath));
		// Absent when tracing is switched off; the problem is still complete without it.
		Tracer tracer = this.tracer.getIfAvailable();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span != null) {
			problem.setProperty("traceId", span.context().traceId());
		}
		return problem;
	}

}
