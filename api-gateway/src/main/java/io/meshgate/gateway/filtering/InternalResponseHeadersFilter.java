package io.meshgate.gateway.filtering;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the inside private: headers that name the software or topology behind the gateway
 * are dropped from service responses.
 */
@Component
class InternalResponseHeadersFilter implements HttpHeadersFilter {

	private static final List<String> INTERNAL = List.of("Server", "X-Powered-By", "X-AspNet-Version",
			"X-Application-Context", "X-Envoy-Upstream-Service-Time", "X-Envoy-Decorator-Operation");

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders filtered = new HttpHeaders();
		filtered.putAll(input);
		INTERNAL.forEach(filtered::remove);
		return filtered;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

}
