package io.meshgate.gateway.filtering;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Per-route limits from route metadata, with safe defaults: {@code methods} (comma
 * separated; other methods get 405 with {@code Allow}, where a method predicate would
 * give a misleading 404) and {@code max-body-size} (default
 * {@code meshgate.gateway.filtering.max-body-size}; larger bodies get 413, whether
 * announced by {@code Content-Length} or streamed in chunks).
 */
@Component
class RouteLimitsGlobalFilter implements GlobalFilter, Ordered {

	static final String METHODS = "methods";

	static final String MAX_BODY_SIZE = "max-body-size";

	/** Before the load balancer and the routing filter, so nothing is sent upstream. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final FilteringProperties properties;

	RouteLimitsGlobalFilter(FilteringProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		ServerHttpRequest request = exchange.getRequest();
		Set<HttpMethod> allowed = allowedMethods(route);
		if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
			return Mono.error(new MethodNotAllowedException(request.getMethod(), allowed));
		}
		long limit = maxBodySize(route).toBytes();
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
		}
		return chain.filter(exchange.mutate().request(new LimitedBody(request, limit)).build());
	}

	private static Set<HttpMethod> allowedMethods(Route route) {
		Object methods = route.getMetadata().get(METHODS);
		if (methods == null) {
			return Set.of();
		}
		return Arrays.stream(String.valueOf(methods).split(","))
			.map(String::strip)
			.filter((method) -> !method.isEmpty())
			.map(HttpMethod::valueOf)
			.collect(Collectors.toUnmodifiableSet());
	}

	private DataSize maxBodySize(Route route) {
		Object size = route.getMetadata().get(MAX_BODY_SIZE);
		return (size != null) ? DataSize.parse(String.valueOf(size)) : this.properties.maxBodySize();
	}

	/**
	 * Fails the body stream once it exceeds the limit, for bodies sent without a length.
	 */
	private static final class LimitedBody extends ServerHttpRequestDecorator {

		private final long limit;

		LimitedBody(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (read.addAndGet(buffer.readableByteCount()) > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
