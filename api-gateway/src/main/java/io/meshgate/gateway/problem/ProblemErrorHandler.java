package io.meshgate.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one path from an exception to what the client sees: problem details with the trace
 * id, never a stack trace. Unreachable or failing upstreams are 503 with
 * {@code Retry-After}, slow ones 504.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemErrorHandler.class);

	/** Seconds a client should wait before retrying a 503. */
	private static final String RETRY_AFTER_SECONDS = "5";

	private final Problems problems;

	ProblemErrorHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		HttpStatus status = statusOf(error);
		if (error instanceof ResponseStatusException statusException) {
			// e.g. Allow on 405
			exchange.getResponse().getHeaders().addAll(statusException.getHeaders());
		}
		if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
			logger.error("Request failed", error);
		}
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
		}
		return this.problems.write(exchange, status, detailOf(status));
	}

	static HttpStatus statusOf(Throwable error) {
		if (error instanceof ResponseStatusException statusException) {
			HttpStatusCode code = statusException.getStatusCode();
			HttpStatus status = HttpStatus.resolve(code.value());
			return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		// An open circuit breaker, or no instance of the service to call.
		if (error instanceof ServiceUnavailableException || error instanceof ConnectTimeoutException
				|| error instanceof ConnectException) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (error instanceof TimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		if (error instanceof PrematureCloseException) {
			// The service closed the connection without an answer.
			return HttpStatus.BAD_GATEWAY;
		}
		if (error instanceof DataBufferLimitException) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detailOf(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "No route matches this request.";
			case SERVICE_UNAVAILABLE -> "The service is unavailable; try again shortly.";
			case GATEWAY_TIMEOUT -> "The service did not answer in time.";
			case BAD_GATEWAY -> "The service gave no valid answer.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
			case BAD_REQUEST -> "The request is malformed.";
			default -> status.is5xxServerError() ? "The gateway could not complete the request."
					: status.getReasonPhrase() + ".";
		};
	}

}
