package io.meshgate.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.gateway.support.TestUpstream;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis unreachable the gateway keeps serving, quickly, and counts what it let
 * through unlimited.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "meshgate.gateway.security.issuer=" + TestJwks.ISSUER, "management.server.port=0",
				// Nothing listens on port 9 here.
				"spring.data.redis.port=9" })
class RedisUnavailableIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("meshgate.gateway.security.jwk-set-uri", TestJwks.instance()::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.review-service[0].uri",
				TestUpstream.instance()::uri);
	}

	@Test
	void servesRequestsAndCountsThemWhenRedisIsDown() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long start = System.nanoTime();

		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/reviews/1")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		String metrics = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(metrics).containsPattern("meshgate_gateway_ratelimit_unavailable_total(\\{[^}]*\\})? [1-9]");
	}

}
