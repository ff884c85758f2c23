package io.meshgate.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.meshgate.service.testsupport.TestJwks;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway running on a random port over real HTTP, in front of {@link TestUpstream}
 * (member-service, beside a member-service instance that is down; review-service;
 * accounts), {@link TestJwks} (auth-service's keys), a product-service whose port nothing
 * listens on and a storefront-service that hangs up ({@link FailingUpstream}). All test
 * classes extending this share one gateway.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "meshgate.gateway.security.issuer=" + TestJwks.ISSUER,
				"meshgate.gateway.cors.allowed-origins=https://app.test.meshgate.io",
				"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
				"meshgate.gateway.filtering.max-body-size=1KB", "management.server.port=0",
				// Generous for the suite; the sign-up route's own tight limit is tested.
				"meshgate.gateway.rate-limit.burst-capacity=10000",
				"meshgate.gateway.rate-limit.replenish-rate=10000" })
public abstract class GatewayIntegrationTest {

	private static final int CLOSED_PORT = closedPort();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		String upstream = TestUpstream.instance().uri();
		registry.add("meshgate.gateway.security.jwk-set-uri", TestJwks.instance()::uri);
		registry.add("spring.data.redis.port", TestRedis.instance()::port);
		// Two member-service instances, one of them down: idempotent requests reach the
		// live one through the gateway's retry, whichever the load balancer picks first.
		registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri",
				() -> "http://127.0.0.1:" + CLOSED_PORT);
		registry.add("spring.cloud.discovery.client.simple.instances.member-service[1].uri", () -> upstream);
		registry.add("spring.cloud.discovery.client.simple.instances.review-service[0].uri", () -> upstream);
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri", () -> upstream);
		registry.add("spring.cloud.discovery.client.simple.instances.storefront-service[0].uri",
				FailingUpstream.instance()::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri",
				() -> "http://127.0.0.1:" + CLOSED_PORT);
	}

	protected HttpResponse<String> get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
	}

	protected HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	protected static String bearer(String token) {
		return "Bearer " + token;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
