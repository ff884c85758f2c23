package io.meshgate.gateway.forwarding;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client a request comes from, decided once per request by
 * {@link ClientAddressWebFilter}; logs and rate limits use this and nothing else.
 */
public final class ClientAddress {

	static final String ATTRIBUTE = ClientAddress.class.getName();

	private ClientAddress() {
	}

	public static String of(ServerWebExchange exchange) {
		String address = exchange.getAttribute(ATTRIBUTE);
		return (address != null) ? address : "unknown";
	}

}
