package io.meshgate.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and Prometheus reach the actuator on the management port without a token; the
 * application port routes nothing to it.
 */
class ManagementPortIntegrationTests extends GatewayIntegrationTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void answersProbesOnTheManagementPortWithoutToken() throws Exception {
		HttpResponse<String> readiness = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("UP");
	}

	@Test
	void measuresLatencyInSloBucketsForTheAlerts() throws Exception {
		get("/api/members/slo", "Authorization", bearer(TestTokens.valid().sign()));

		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();

		assertThat(metrics.lines().filter((line) -> line.startsWith("http_server_requests_seconds_bucket")))
			.anyMatch((line) -> line.contains("le=\"0.5\""));
	}

	@Test
	void keepsTheGatewayEndpointDisabled() throws Exception {
		// Even with a valid token there is nothing to find.
		HttpResponse<String> gateway = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/gateway/routes"))
				.header("Authorization", bearer(TestTokens.valid().sign()))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(gateway.statusCode()).isEqualTo(404);
	}

	@Test
	void doesNotServeTheActuatorOnTheApplicationPort() {
		assertThat(get("/actuator/health").statusCode()).isIn(401, 404);
	}

}
