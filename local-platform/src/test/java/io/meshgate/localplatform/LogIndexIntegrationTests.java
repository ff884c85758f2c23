package io.meshgate.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.meshgate.localplatform.LogIndex.LogLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' log lines through the real index template, in a real search engine: what
 * Kibana would show, or fail to show, for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogIndexIntegrationTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	/** Nothing listens on port 1: the service fails while it starts, as it would. */
	private static final String REFUSING_DATABASE = "jdbc:postgresql://127.0.0.1:1/nothing";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// Static: injected before @BeforeAll starts the node in it.
	@TempDir
	static Path nodeDirectory;

	private LogIndex logIndex;

	@BeforeAll
	void startIndex() throws Exception {
		this.logIndex = LogIndex.start(nodeDirectory, REPOSITORY);
	}

	@AfterAll
	void closeIndex() throws Exception {
		if (this.logIndex != null) {
			this.logIndex.close();
		}
	}

	@Test
	void serviceThatFailsToStartLogsItsExceptionAsOneDocumentWithTheWholeStackTrace(@TempDir Path localDirectory)
			throws Exception {
		Component memberService = memberServiceWithoutDatabase(localDirectory);
		try {
			memberService.start();
			assertThatExceptionOfType(ComponentFailure.class)
				.isThrownBy(() -> memberService.awaitReady(Duration.ofMinutes(2)))
				.withMessageContaining("exited with code");
		}
		finally {
			memberService.stop();
		}
		List<String> written = Files.readAllLines(memberService.logFile());

		this.logIndex.index(memberService.logFile());

		List<LogLine> indexed = this.logIndex.find("service", "member-service");
		assertThat(indexed).hasSize(written.size())
			.noneMatch((line) -> line.message().strip().startsWith("at ") || line.message().startsWith("Wrapped by"));
		assertThat(indexed).filteredOn((line) -> "ERROR".equals(line.level())).singleElement().satisfies((error) -> {
			assertThat(error.message()).isEqualTo("Application run failed");
			// Root cause first (logback-json.xml): each enclosing exception follows as
			// "Wrapped by", where the JDK's own format says "Caused by" the other way
			// round.
			assertThat(error.stackTrace()).startsWith("java.net.ConnectException: Connection refused")
				.contains("Wrapped by: org.postgresql.util.PSQLException: Connection to 127.0.0.1:1 refused");
			assertThat(error.stackTrace().lines().filter((line) -> line.strip().startsWith("at ")))
				.hasSizeGreaterThan(10);
		});
	}

	@Test
	void valueOfTheWrongTypeFailsIndexingNamingFileLineAndField(@TempDir Path logDirectory) throws Exception {
		Map<String, Object> accessLog = accessLog(newTraceId());
		accessLog.put("status", "abc");
		Path log = write(logDirectory.resolve("api-gateway.log"), json(accessLog(newTraceId())), json(accessLog));

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.logIndex.index(log))
			.withMessageContaining(
					"api-gateway.log:2: field [status] does not fit its mapping and was not indexed: \"abc\"")
			.withMessageNotContaining("api-gateway.log:1:");
	}

	@Test
	void fieldTheTemplateDoesNotMapFailsIndexingNamingFileLineAndField(@TempDir Path logDirectory) throws Exception {
		Map<String, Object> accessLog = accessLog(newTraceId());
		accessLog.put("usrId", "d9b2d63d");
		Path log = write(logDirectory.resolve("api-gateway.log"), json(accessLog));

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.logIndex.index(log))
			.withMessageContaining("api-gateway.log:1: field [usrId] is not mapped by index-template.json");
	}

	@Test
	void nestedFieldTheTemplateDoesNotMapFailsIndexing(@TempDir Path logDirectory) throws Exception {
		Map<String, Object> accessLog = accessLog(newTraceId());
		accessLog.put("request", Map.of("headers", Map.of("host", "localhost")));
		Path log = write(logDirectory.resolve("api-gateway.log"), json(accessLog));

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.logIndex.index(log))
			.withMessageContaining("api-gateway.log:1: field [request.headers.host] is not mapped");
	}

	@Test
	void serviceLogLineThatIsNotJsonFailsIndexing(@TempDir Path logDirectory) throws Exception {
		Path log = write(logDirectory.resolve("review-service.log"), json(serviceLog(newTraceId())),
				"Exception in thread \"main\" java.lang.IllegalStateException: before logging started");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.logIndex.index(log))
			.withMessageContaining("review-service.log:2: not a JSON object");
	}

	@Test
	void linesAreFoundByTheirTraceIdAndNoOthers(@TempDir Path logDirectory) throws Exception {
		String traceId = newTraceId();
		String otherTraceId = newTraceId();
		write(logDirectory.resolve("api-gateway.log"), json(accessLog(otherTraceId)), json(accessLog(traceId)));
		write(logDirectory.resolve("review-service.log"), json(serviceLog(traceId)), json(serviceLog(null)));
		write(logDirectory.resolve("postgres.log"), "LOG:  database system is ready to accept connections");

		this.logIndex.indexServiceLogs(logDirectory);

		assertThat(this.logIndex.findByTraceId(traceId))
			.extracting(LogLine::file, LogLine::lineNumber, LogLine::service, LogLine::traceId)
			.containsExactly(tuple("api-gateway.log", 2, "api-gateway", traceId),
					tuple("review-service.log", 1, "review-service", traceId));
	}

	/** A gateway access-log line of CONTRACTS.md, as logback-spring.xml writes it. */
	private static Map<String, Object> accessLog(String traceId) {
		Map<String, Object> line = serviceLog(traceId);
		line.putAll(Map.of("service", "api-gateway", "logger", "meshgate.access", "message", "GET /api/products 200",
				"method", "GET", "path", "/api/products", "route", "product-service", "status", 200, "durationMs", 12,
				"bytesOut", 512));
		line.put("clientIp", "127.0.0.1");
		line.put("userId", null);
		line.put("userAgent", "Java-http-client/17.0.15");
		return line;
	}

	private static Map<String, Object> serviceLog(String traceId) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("@timestamp", "2026-11-25T16:39:06.921366337Z");
		line.put("message", "Review created");
		line.put("logger", "io.meshgate.review.ReviewController");
		line.put("level", "INFO");
		line.put("service", "review-service");
		if (traceId != null) {
			line.put("traceId", traceId);
			line.put("spanId", traceId.substring(0, 16));
		}
		return line;
	}

	private static String newTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String json(Map<String, Object> line) {
		return JSON.writeValueAsString(line);
	}

	private static Path write(Path log, String... lines) throws IOException {
		return Files.write(log, List.of(lines));
	}

	/** member-service as the platform starts it, with a database that refuses. */
	private static Component memberServiceWithoutDatabase(Path localDirectory) {
		LaunchOptions options = LaunchOptions.parse(List.of("--repo", REPOSITORY.toString(), "--local-dir",
				localDirectory.toString(), "--port-offset", String.valueOf(PlatformTestSupport.freePortOffset())),
				REPOSITORY);
		ServiceDefinition memberService = Components.SERVICES.stream()
			.filter((service) -> service.name().equals("member-service"))
			.findFirst()
			.orElseThrow();
		ServiceDefinition withoutDatabase = memberService.withEnvironment((context) -> {
			Map<String, String> environment = new LinkedHashMap<>(memberService.environment().apply(context));
			environment.put("SPRING_DATASOURCE_URL", REFUSING_DATABASE);
			return environment;
		});
		Components.Plan plan = Components.plan(options, List.of(withoutDatabase));
		assertThat(plan.notBuilt())
			.as("member-service.jar is built (./mvnw -pl domain-services/member-service package)")
			.isEmpty();
		return plan.components()
			.stream()
			.filter((component) -> component.name().equals("member-service"))
			.findFirst()
			.orElseThrow();
	}

}
