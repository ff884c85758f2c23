package io.meshgate.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.meshgate.gateway.support.TestUpstream;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service down while the gateway starts: public routes work, protected ones refuse
 * every token (there is no key to check it with) instead of failing the start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "meshgate.gateway.security.issuer=" + TestJwks.ISSUER, "management.server.port=0",
				// Nothing listens on port 9 (discard) here: the JWKS is unreachable.
				"meshgate.gateway.security.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks" })
class StartWithoutAuthServiceIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.review-service[0].uri",
				TestUpstream.instance()::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri",
				TestUpstream.instance()::uri);
	}

	@Test
	void servesPublicRoutesAndRefusesTokens() throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<Void> publicRoute = http.send(HttpRequest.newBuilder(uri("/api/reviews/1")).build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<Void> protectedRoute = http.send(HttpRequest.newBuilder(uri("/api/members/me"))
			.header("Authorization", "Bearer " + TestTokens.valid().sign())
			.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(publicRoute.statusCode()).isEqualTo(200);
		assertThat(protectedRoute.statusCode()).isEqualTo(401);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
