package io.meshgate.gateway.accesslog;

import java.util.concurrent.atomic.AtomicLong;

import io.meshgate.gateway.forwarding.ClientAddress;
import io.meshgate.gateway.problem.ProblemErrorHandler;
import io.meshgate.gateway.problem.Problems;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static net.logstash.logback.argument.StructuredArguments.keyValue;

/**
 * One JSON line per request on logger {@code meshgate.access}, including requests the
 * gateway rejects itself. Outermost filter: errors from anywhere inside are turned into
 * their response here (through {@link ProblemErrorHandler}, the one error path), so the
 * line carries the status the client really got. The path is logged without its query
 * (query values may hold personal data); tokens, cookies and other headers are never
 * logged, only the user agent.
 */
@Component
class AccessLogWebFilter implements WebFilter, Ordered {

	private static final Logger accessLog = LoggerFactory.getLogger("meshgate.access");

	/** Probes and scrapes on the management port are not client traffic. */
	private static final ServerWebExchangeMatcher MANAGEMENT = EndpointRequest.toAnyEndpoint();

	private final ProblemErrorHandler errors;

	AccessLogWebFilter(ProblemErrorHandler errors) {
		this.errors = errors;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return MANAGEMENT.matches(exchange)
			.flatMap((match) -> match.isMatch() ? chain.filter(exchange) : logged(exchange, chain));
	}

	private Mono<Void> logged(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		CountingResponse response = new CountingResponse(exchange.getResponse());
		ServerWebExchange counted = exchange.mutate().response(response).build();
		return chain.filter(counted)
			.onErrorResume((error) -> this.errors.handle(counted, error))
			.doFinally((signal) -> log(counted, response, start));
	}

	private void log(ServerWebExchange exchange, CountingResponse response, long start) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		HttpStatusCode status = response.getStatusCode();
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		accessLog.info("{} {} {}", method, path, (status != null) ? status.value() : 0, keyValue("method", method),
				keyValue("path", path), keyValue("route", (route != null) ? route.getId() : null),
				keyValue("status", (status != null) ? status.value() : null),
				keyValue("durationMs", (System.nanoTime() - start) / 1_000_000),
				keyValue("bytesOut", response.bytesWritten()), keyValue("clientIp", ClientAddress.of(exchange)),
				keyValue("userId", exchange.getAttribute(UserId.ATTRIBUTE)),
				keyValue("userAgent", exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT)),
				keyValue("traceId", Problems.traceId(exchange)));
	}

	/** Counts the body bytes written to the client. */
	private static final class CountingResponse extends ServerHttpResponseDecorator {

		private final AtomicLong bytes = new AtomicLong();

		CountingResponse(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(
					Flux.from(body).doOnNext((buffer) -> this.bytes.addAndGet(buffer.readableByteCount())));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(Flux.from(body)
				.map((part) -> Flux.from(part).doOnNext((buffer) -> this.bytes.addAndGet(buffer.readableByteCount()))));
		}

		long bytesWritten() {
			return this.bytes.get();
		}

	}

}
