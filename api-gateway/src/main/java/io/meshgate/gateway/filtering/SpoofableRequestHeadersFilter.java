package io.meshgate.gateway.filtering;

import java.util.Locale;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What never reaches a service from a client: {@code X-User-*} headers (a service might
 * trust them as identity), and cookies, unless the route says its service needs them
 * (metadata {@code forward-cookies: true}, e.g. auth-service's login session).
 */
@Component
class SpoofableRequestHeadersFilter implements HttpHeadersFilter {

	static final String FORWARD_COOKIES = "forward-cookies";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		boolean forwardCookies = forwardsCookies(exchange);
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.startsWith("x-user-") && (forwardCookies || !lower.equals("cookie"))) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	private static boolean forwardsCookies(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return route != null && Boolean.parseBoolean(String.valueOf(route.getMetadata().get(FORWARD_COOKIES)));
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

}
