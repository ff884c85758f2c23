package io.meshgate.gateway;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.gateway.support.TestUpstream;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (in the mesh, the Istio sidecar passing on what the ingress
 * saw), the client address and scheme the proxy reports are kept and passed on.
 */
@TestPropertySource(properties = "meshgate.gateway.filtering.trusted-proxies=127\\.0\\.0\\.1")
class TrustedProxyIntegrationTests extends GatewayIntegrationTest {

	@Test
	void keepsTheForwardedClientAddressFromATrustedProxy() {
		get("/api/reviews/21", "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https");

		TestUpstream.Received received = TestUpstream.instance().lastTo("/reviews/21");
		assertThat(received.headers().get("X-Forwarded-For")).startsWith("203.0.113.9");
		assertThat(received.headers().get("X-Forwarded-Proto")).startsWith("https");
	}

	@Test
	void sendsHstsWhenTheClientConnectedOverHttpsToTheProxy() {
		assertThat(
				get("/api/reviews/22", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age"));
		assertThat(
				get("/api/reviews/22", "X-Forwarded-Proto", "http").headers().firstValue("Strict-Transport-Security"))
			.isEmpty();
	}

}
