package io.meshgate.gateway.problem;

import java.net.URI;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes every answer the gateway gives itself as RFC 9457 problem details with the
 * request's trace id. The body is built field by field, so its shape never depends on how
 * a JSON library happens to serialise {@code ProblemDetail}.
 */
@Component
public class Problems {

	private static final String TYPE_PREFIX = "https://meshgate.io/problems/";

	private final JsonMapper json;

	Problems(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", URI.create(TYPE_PREFIX + slug(status)).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		String traceId = traceId(exchange);
		if (traceId != null) {
			problem.put("traceId", traceId);
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

	/** The trace id of the request's server observation, if tracing is on. */
	public static String traceId(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> (TracingObservationHandler.TracingContext) context
				.get(TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map((span) -> span.context().traceId())
			.orElse(null);
	}

	private static String slug(HttpStatus status) {
		return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
	}

}
