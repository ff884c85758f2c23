package io.meshgate.localplatform;

import static io.meshgate.localplatform.ServiceDefinition.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestPostgres;
import io.meshgate.service.testsupport.TestTokens;
import io.meshgate.service.testsupport.TestZipkin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A service jar under the real OpenTelemetry Java agent, configured as the Kubernetes
 * bases attach it (observability/otel-agent/agent.properties and
 * {@code meshgate.tracing.java-agent=true}): the request still has exactly one server
 * span, Micrometer's, in the caller's trace, and the agent's JDBC spans hang below it.
 */
class JavaAgentTracingIntegrationTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final Path AGENT = REPOSITORY.resolve("local-platform/target/tools/opentelemetry-javaagent.jar");

	private static final Path AGENT_SETTINGS = REPOSITORY.resolve("observability/otel-agent/agent.properties");

	private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";

	private static final String CALLER_SPAN_ID = "eee19b7ec3c1b174";

	private final TestZipkin zipkin = TestZipkin.start();

	@TempDir
	Path directory;

	private SpringBootService memberService;

	@AfterEach
	void stop() {
		if (this.memberService != null) {
			this.memberService.stop();
		}
		this.zipkin.close();
	}

	@Test
	void requestHasOneServerSpanWithTheAgentsJdbcSpansBelowIt() throws Exception {
		int offset = PlatformTestSupport.freePortOffset();
		this.memberService = startMemberServiceUnderTheAgent(8101 + offset, 9101 + offset);

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8101 + offset) + "/me"))
				.header("Authorization", "Bearer " + TestTokens.valid().sign())
				.header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> spans = await().atMost(Duration.ofMinutes(1))
			.until(() -> this.zipkin.spansOf(TRACE_ID),
					(received) -> !ofKind(received, "SERVER").isEmpty() && !jdbcSpans(received).isEmpty());
		List<JsonNode> serverSpans = ofKind(spans, "SERVER");
		assertThat(serverSpans).as("server spans of %s", spans).hasSize(1);
		JsonNode serverSpan = serverSpans.get(0);
		assertThat(serverSpan.path("parentId").asString()).isEqualTo(CALLER_SPAN_ID);
		Map<String, JsonNode> byId = spans.stream()
			.collect(Collectors.toMap((span) -> span.path("id").asString(), Function.identity()));
		assertThat(jdbcSpans(spans))
			.allSatisfy((jdbc) -> assertThat(ancestors(jdbc, byId)).as("ancestors of %s", jdbc.path("name").asString())
				.contains(serverSpan.path("id").asString()));
	}

	private SpringBootService startMemberServiceUnderTheAgent(int appPort, int managementPort) throws Exception {
		ServiceDefinition definition = service("member-service", appPort, managementPort)
			.inModule("domain-services/member-service");
		assertThat(definition.jar(REPOSITORY)).as("build member-service first").isRegularFile();
		assertThat(AGENT).as("local-platform's build copies the agent").isRegularFile();
		Map<String, String> environment = Map.ofEntries(Map.entry("SERVER_ADDRESS", "127.0.0.1"),
				Map.entry("SERVER_PORT", String.valueOf(appPort)), Map.entry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"),
				Map.entry("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort)),
				Map.entry("SPRING_DATASOURCE_URL", TestPostgres.createDatabase()),
				Map.entry("SPRING_DATASOURCE_USERNAME", "postgres"),
				Map.entry("SPRING_DATASOURCE_PASSWORD", "postgres"),
				Map.entry("MESHGATE_SECURITY_ISSUER", TestJwks.ISSUER),
				Map.entry("MESHGATE_SECURITY_JWKSETURI", TestJwks.instance().uri()),
				Map.entry("JAVA_TOOL_OPTIONS", "-javaagent:" + AGENT),
				Map.entry("OTEL_JAVAAGENT_CONFIGURATION_FILE", AGENT_SETTINGS.toString()),
				Map.entry("MESHGATE_TRACING_JAVAAGENT", "true"), Map.entry("OTEL_SERVICE_NAME", "member-service"),
				// Zipkin here, OTLP in Kubernetes: the test's receiver speaks Zipkin's
				// JSON.
				Map.entry("OTEL_TRACES_EXPORTER", "zipkin"),
				Map.entry("OTEL_EXPORTER_ZIPKIN_ENDPOINT", this.zipkin.endpoint()),
				Map.entry("OTEL_BSP_SCHEDULE_DELAY", "100"));
		SpringBootService service = new SpringBootService(definition, REPOSITORY, appPort, managementPort, environment,
				this.directory.resolve("logs"), this.directory.resolve("run"));
		service.start();
		service.awaitReady(Duration.ofMinutes(4));
		return service;
	}

	private static List<JsonNode> ofKind(List<JsonNode> spans, String kind) {
		return spans.stream().filter((span) -> kind.equals(span.path("kind").asString(""))).toList();
	}

	/** Spans the agent's JDBC instrumentation made: they name the database system. */
	private static List<JsonNode> jdbcSpans(List<JsonNode> spans) {
		return spans.stream().filter((span) -> span.path("tags").has("db.system")).toList();
	}

	private static List<String> ancestors(JsonNode span, Map<String, JsonNode> byId) {
		List<String> ancestors = new ArrayList<>();
		JsonNode parent = byId.get(span.path("parentId").asString(""));
		while (parent != null && !ancestors.contains(parent.path("id").asString())) {
			ancestors.add(parent.path("id").asString());
			parent = byId.get(parent.path("parentId").asString(""));
		}
		return ancestors;
	}

}
