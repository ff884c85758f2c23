package io.meshgate.gateway.forwarding;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every request has an {@code X-Request-Id}: the client's if it is a plausible id,
 * otherwise a new one (a malformed one could smuggle text into logs). It is passed to the
 * service and returned to the client.
 */
@Component
class RequestIdWebFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = (sent != null && WELL_FORMED.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
		exchange.getResponse().getHeaders().set(HEADER, requestId);
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HEADER, requestId)))
			.build());
	}

}
