package io.meshgate.service.support.observability;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.meshgate.service.support.problem.ProblemTestApplication;
import io.meshgate.service.testsupport.ServiceHttpClient;
import io.meshgate.service.testsupport.ServiceIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import io.meshgate.service.testsupport.TestZipkin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
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
class ObservabilityDefaultsIntegrationTests extends ServiceIntegrationTest {

	private static final TestZipkin zipkin = TestZipkin.start();

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
	void continuesW3cTraceparent() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		String seen = traceIdOfFailure("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(seen).isEqualTo(traceId);
	}

	@Test
	void continuesB3SingleHeader() {
		String traceId = "80f198ee56343ba864fe8b2a57d3eff7";

		String seen = traceIdOfFailure("b3", traceId + "-e457b5a2e4d86bd1-1");

		assertThat(seen).isEqualTo(traceId);
	}

	@Test
	void exportsTheServerSpanToZipkin() {
		String traceId = "0af7651916cd43dd8448eb211c80319c";

		traceIdOfFailure("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(zipkin.spansOf(traceId))
				.anyMatch((span) -> "SERVER".equals(span.path("kind").asString(""))));
	}

	@Test
	void measuresServerLatencyInSloBuckets() {
		traceIdOfFailure("traceparent", "00-11111111111111111111111111111111-2222222222222222-01");

		String metrics = http().getManagement("/actuator/prometheus").body();

		assertThat(metrics.lines().filter((line) -> line.startsWith("http_server_requests_seconds_bucket")))
			.anyMatch((line) -> line.contains("le=\"0.5\""))
			.anyMatch((line) -> line.contains("le=\"0.25\""));
	}

	private String traceIdOfFailure(String header, String value) {
		HttpResponse<String> response = http().withHeader(header, value).get("/failure", TestTokens.valid().sign());
		assertThat(response.statusCode()).isEqualTo(500);
		return ServiceHttpClient.json(response).get("traceId").asString();
	}

}
