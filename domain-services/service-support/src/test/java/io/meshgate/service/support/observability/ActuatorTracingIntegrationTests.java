package io.meshgate.service.support.observability;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.meshgate.service.support.problem.ProblemTestApplication;
import io.meshgate.service.testsupport.ServiceIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import io.meshgate.service.testsupport.TestZipkin;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanReporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Probes and scrapes on the management port are measured but not traced: they export no
 * span, not even when the caller sends a sampled {@code traceparent} (Envoy does on a
 * scrape), and their latency series carry no exemplar. An API request in the same test is
 * traced as before, so neither check passes for want of tracing.
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ActuatorTracingIntegrationTests.ExportedSpans.class)
class ActuatorTracingIntegrationTests extends ServiceIntegrationTest {

	private static final TestZipkin zipkin = TestZipkin.start();

	private static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0";

	@Autowired
	private ExportedSpans exported;

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
	void exportsNoSpanForProbesAndScrapes() {
		Instant start = Instant.now();
		String scrapeTrace = "5e1a5b0d3c7f4a2e9b6d8c0f1e2a3b4c";
		String apiTrace = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

		assertThat(http().withHeader("traceparent", "00-" + scrapeTrace + "-1a2b3c4d5e6f7081-01")
			.getManagement("/actuator/prometheus")
			.statusCode()).isEqualTo(200);
		assertThat(http().getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(http().getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
		createThing(apiTrace);

		// Spans are exported in the order they end: once the API request's server span
		// has arrived, any span of the requests before it has been exported too.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(zipkin.spansOf(apiTrace))
				.anyMatch((span) -> "SERVER".equals(span.path("kind").asString(""))));
		assertThat(zipkin.spansOf(scrapeTrace)).isEmpty();
		// Zipkin is asked by trace id only. Every exported span is checked too: that
		// catches spans starting a trace of their own (the security filters below a
		// probe whose own span was left out).
		assertThat(this.exported.startedSince(start)).allSatisfy(
				(span) -> assertThat(span.getTraceId()).as("trace of span '%s' %s", span.getName(), span.getTags())
					.isEqualTo(apiTrace));
	}

	@Test
	void keepsMeasuringActuatorRequestsWithoutExemplars() {
		assertThat(http().getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
		// Measured once answered, so the scrape below shows it.
		http().getManagement("/actuator/prometheus");
		createThing("0c1d2e3f405162738495a6b7c8d9e0f1");

		List<String> metrics = http().withHeader("Accept", OPENMETRICS)
			.getManagement("/actuator/prometheus")
			.body()
			.lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds"))
			.toList();

		assertThat(metrics).filteredOn((line) -> line.startsWith("http_server_requests_seconds_count{"))
			.anyMatch((line) -> line.contains("uri=\"/actuator/prometheus\""))
			.anyMatch((line) -> line.contains("uri=\"/actuator/health/"));
		assertThat(metrics).filteredOn((line) -> line.contains("uri=\"/actuator/"))
			.isNotEmpty()
			.noneMatch((line) -> line.contains("trace_id="));
		assertThat(metrics).filteredOn((line) -> line.contains("uri=\"/things\""))
			.anyMatch((line) -> line.contains("trace_id="));
	}

	private void createThing(String traceId) {
		HttpResponse<String> response = http().withHeader("traceparent", "00-" + traceId + "-0f1e2d3c4b5a6978-01")
			.post("/things", TestTokens.valid().sign(), "{\"name\":\"lamp\"}");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** Every span the application exports, whichever trace it belongs to. */
	static class ExportedSpans implements SpanReporter {

		private final List<FinishedSpan> spans = new CopyOnWriteArrayList<>();

		@Override
		public void report(FinishedSpan span) {
			this.spans.add(span);
		}

		List<FinishedSpan> startedSince(Instant start) {
			return this.spans.stream().filter((span) -> !span.getStartTimestamp().isBefore(start)).toList();
		}

	}

}
