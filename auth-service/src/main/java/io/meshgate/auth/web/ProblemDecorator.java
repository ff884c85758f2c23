package io.meshgate.auth.web;

import java.net.URI;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Adds what every problem detail of Meshgate carries: the request path as
 * {@code instance} and the trace id to quote when reporting it.
 */
@Component
class ProblemDecorator {

	private final Tracer tracer;

	ProblemDecorator(Tracer tracer) {
		this.tracer = tracer;
	}

	ProblemDetail decorate(ProblemDetail problem, String requestPath) {
		problem.setInstance(URI.create(requestPath));
		Span span = this.tracer.currentSpan();
		if (span != null) {
			problem.setProperty("traceId", span.context().traceId());
		}
		return problem;
	}

}
