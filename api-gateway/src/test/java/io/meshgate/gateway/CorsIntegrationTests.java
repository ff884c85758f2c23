package io.meshgate.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.gateway.support.TestUpstream;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS is answered by the gateway alone: preflights never reach a service, and a
 * service's own CORS headers never reach the browser.
 */
class CorsIntegrationTests extends GatewayIntegrationTest {

	private static final String ALLOWED = "https://app.test.meshgate.io";

	@Test
	void answersPreflightFromAllowedOriginWithoutTokenAndWithoutForwarding() {
		int before = TestUpstream.instance().received().size();

		HttpResponse<String> response = preflight("/api/members/me", ALLOWED);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(TestUpstream.instance().received()).hasSize(before);
	}

	@Test
	void refusesPreflightFromOtherOrigins() {
		HttpResponse<String> response = preflight("/api/members/me", "https://evil.example");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void replacesTheServicesCorsHeadersWithExactlyOneSetOfItsOwn() {
		HttpResponse<String> response = get("/api/members/cors", "Origin", ALLOWED, "Authorization",
				bearer(TestTokens.valid().sign()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
		assertThat(String.join(",", response.headers().allValues("Vary"))).contains("Origin")
			.contains("Accept-Encoding");
	}

	@Test
	void addsNoCorsHeadersForOtherOrigins() {
		HttpResponse<String> response = get("/api/members/cors", "Origin", "https://evil.example", "Authorization",
				bearer(TestTokens.valid().sign()));

		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpResponse<String> preflight(String path, String origin) {
		return send(HttpRequest.newBuilder(uri(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "Origin",
				origin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers",
				"authorization,content-type");
	}

}
