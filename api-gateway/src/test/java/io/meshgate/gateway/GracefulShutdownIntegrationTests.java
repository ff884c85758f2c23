package io.meshgate.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.gateway.support.TestRedis;
import io.meshgate.gateway.support.TestUpstream;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling update stops a gateway while requests are in flight: readiness turns false at
 * once (so Kubernetes sends no new traffic) and the requests already accepted finish.
 */
class GracefulShutdownIntegrationTests {

	@Test
	void refusesTrafficWhileDrainingAndFinishesRequestsInFlight() {
		// Command-line arguments: they override application.yaml, default properties do
		// not.
		ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
				"--server.port=0", "--management.server.port=0",
				"--meshgate.gateway.security.issuer=" + TestJwks.ISSUER,
				"--meshgate.gateway.security.jwk-set-uri=" + TestJwks.instance().uri(),
				"--spring.data.redis.port=" + TestRedis.instance().port(),
				"--spring.cloud.discovery.client.simple.instances.member-service[0].uri="
						+ TestUpstream.instance().uri());
		int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
		ApplicationAvailability availability = gateway.getBean(ApplicationAvailability.class);
		HttpRequest slow = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/members/slow"))
			.header("Authorization", "Bearer " + TestTokens.valid().sign())
			.build();
		CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
			.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> TestUpstream.instance().received().stream().anyMatch((r) -> r.path().equals("/slow")));

		CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close);

		await().atMost(Duration.ofSeconds(2))
			.until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
		assertThat(inFlight.join().statusCode()).isEqualTo(200);
		closing.join();
	}

}
