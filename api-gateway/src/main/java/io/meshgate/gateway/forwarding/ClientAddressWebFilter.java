package io.meshgate.gateway.forwarding;

import java.net.InetSocketAddress;
import java.util.List;

import io.meshgate.gateway.filtering.FilteringProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Believes {@code X-Forwarded-*} and {@code Forwarded} only from a trusted proxy. From
 * anyone else they are removed, so nothing downstream (the routing filters that append to
 * them, services, logs, rate limits) sees a client's claim about its own address.
 * <p>
 * When a trusted proxy reports that the client connected over HTTPS (the ingress gateway
 * terminates TLS in the mesh), the response carries HSTS, as it does when the gateway
 * serves HTTPS itself.
 */
@Component
class ClientAddressWebFilter implements WebFilter, Ordered {

	/**
	 * Right after the access log and request id, before anything that needs the client.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Real-IP");

	private static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";

	/** The value Spring Security writes when the gateway serves HTTPS itself. */
	private static final String HSTS = "max-age=31536000 ; includeSubDomains";

	private final FilteringProperties properties;

	ClientAddressWebFilter(FilteringProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String peer = peerAddress(request);
		if (this.properties.trustedProxies().matcher(peer).matches()) {
			exchange.getAttributes().put(ClientAddress.ATTRIBUTE, lastForwardedFor(request, peer));
			if ("https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"))) {
				exchange.getResponse().getHeaders().set(STRICT_TRANSPORT_SECURITY, HSTS);
			}
			return chain.filter(exchange);
		}
		exchange.getAttributes().put(ClientAddress.ATTRIBUTE, peer);
		ServerHttpRequest stripped = request.mutate()
			.headers((headers) -> FORWARDING_HEADERS.forEach(headers::remove))
			.build();
		return chain.filter(exchange.mutate().request(stripped).build());
	}

	/** The trusted proxy appends the address it saw, so the last entry is the client. */
	private static String lastForwardedFor(ServerHttpRequest request, String peer) {
		List<String> values = request.getHeaders().getValuesAsList("X-Forwarded-For");
		return values.isEmpty() ? peer : values.get(values.size() - 1).strip();
	}

	private static String peerAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
