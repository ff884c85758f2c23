package io.meshgate.service.support.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import io.meshgate.service.support.problem.ProblemTestApplication;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import io.meshgate.service.testsupport.TestZipkin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service gets from service-support's defaults: it continues the caller's
 * trace whether it arrives as W3C {@code traceparent} or as B3 (Envoy's format), exports
 * its spans to the trace UI when told to, and measures latency in buckets at the SLO
 * thresholds. The trace id a client sees in a problem detail is the one it sent.
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ObservabilityDefaultsIntegrationTests {

	private static final TestZipkin zipkin = TestZipkin.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestJwks.register(registry);
		registry.add("management.tracing.export.zipkin.enabled", () -> "true");
		registry.add("management.tracing.export.zipkin.endpoint", zipkin::endpoint);
		registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
	}

	@AfterAll
	static void stopZipkin() {
		zipkin.close();
	}

	@Test
	void continuesW3cTraceparent() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		String seen = traceIdOfFailure("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(seen).isEqualTo(traceId);
	}

	@Test
	void continuesB3SingleHeader() throws Exception {
		String traceId = "80f198ee56343ba864fe8b2a57d3eff7";

		String seen = traceIdOfFailure("b3", traceId + "-e457b5a2e4d86bd1-1");

		assertThat(seen).isEqualTo(traceId);
	}

	@Test
	void exportsTheServerSpanToZipkin() throws Exception {
		String traceId = "0af7651916cd43dd8448eb211c80319c";

		traceIdOfFailure("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(zipkin.spansOf(traceId))
				.anyMatch((span) -> "SERVER".equals(span.path("kind").asString(""))));
	}

	@Test
	void measuresServerLatencyInSloBuckets() throws Exception {
		traceIdOfFailure("traceparent", "00-11111111111111111111111111111111-2222222222222222-01");

		String metrics = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
				.build(), BodyHandlers.ofString())
			.body();

		assertThat(metrics.lines().filter((line) -> line.startsWith("http_server_requests_seconds_bucket")))
			.anyMatch((line) -> line.contains("le=\"0.5\""))
			.anyMatch((line) -> line.contains("le=\"0.25\""));
	}

	private String traceIdOfFailure(String header, String value) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/failure"))
				.header("Authorization", "Bearer " + TestTokens.valid().sign())
				.header(header, value)
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		return JsonMapper.builder().build().readTree(response.body()).get("traceId").asString();
	}

}
