package io.meshgate.gateway.cors;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops every {@code Access-Control-*} header a service sends, before the upstream
 * headers are copied onto the response, so the gateway's own CORS headers are the only
 * ones and a response never carries two {@code Access-Control-Allow-Origin}. The
 * service's {@code Vary} is merged with the gateway's instead of replacing it, so
 * {@code Vary: Origin} survives.
 */
@Component
class UpstreamCorsHeadersFilter implements HttpHeadersFilter {

	@Override
	public HttpHeaders filter(HttpHeaders upstream, ServerWebExchange exchange) {
		HttpHeaders filtered = new HttpHeaders();
		upstream.forEach((name, values) -> {
			if (!name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length())) {
				filtered.addAll(name, values);
			}
		});
		Set<String> vary = new LinkedHashSet<>(exchange.getResponse().getHeaders().getVary());
		vary.addAll(upstream.getVary());
		if (!vary.isEmpty()) {
			filtered.setVary(vary.stream().toList());
		}
		return filtered;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

}
