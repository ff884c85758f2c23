package io.meshgate.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One JSON line per request on {@code meshgate.access}, as the application's own encoder
 * writes it, with the CONTRACTS.md fields and nothing secret.
 */
class AccessLogIntegrationTests extends GatewayIntegrationTest {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Logger accessLogger = (Logger) LoggerFactory.getLogger("meshgate.access");

	private AppenderBase<ILoggingEvent> capture;

	@BeforeEach
	void captureAccessLog() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		OutputStreamAppender<ILoggingEvent> json = (OutputStreamAppender<ILoggingEvent>) root.getAppender("JSON");
		this.capture = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				AccessLogIntegrationTests.this.lines
					.add(new String(json.getEncoder().encode(event), StandardCharsets.UTF_8));
			}
		};
		this.capture.start();
		this.accessLogger.addAppender(this.capture);
	}

	@AfterEach
	void stopCapturing() {
		this.accessLogger.detachAppender(this.capture);
	}

	@Test
	void logsAuthenticatedRequestWithoutTokenOrQueryValues() {
		TestTokens tokens = TestTokens.valid();
		String token = tokens.sign();

		get("/api/members/me?email=secret@example.com", "Authorization", bearer(token), "User-Agent", "tests/1.0");

		JsonNode line = awaitLineFor("/api/members/me");
		assertThat(line.get("logger").asString()).isEqualTo("meshgate.access");
		assertThat(line.get("method").asString()).isEqualTo("GET");
		assertThat(line.get("route").asString()).isEqualTo("member-service");
		assertThat(line.get("status").asInt()).isEqualTo(200);
		assertThat(line.get("durationMs").asLong()).isNotNegative();
		assertThat(line.get("bytesOut").asLong()).isPositive();
		assertThat(line.get("clientIp").asString()).isEqualTo("127.0.0.1");
		assertThat(line.get("userId").asString()).isEqualTo(tokens.subject());
		assertThat(line.get("userAgent").asString()).isEqualTo("tests/1.0");
		assertThat(line.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(line.toString()).doesNotContain(token)
			.doesNotContain(token.split("\\.")[2])
			.doesNotContain("secret@example.com");
	}

	@Test
	void logsRequestsTheGatewayRejects() {
		get("/api/members/rejected");

		JsonNode line = awaitLineFor("/api/members/rejected");
		assertThat(line.get("status").asInt()).isEqualTo(401);
		assertThat(line.get("userId").isNull()).isTrue();
	}

	private JsonNode awaitLineFor(String path) {
		JsonMapper json = JsonMapper.builder().build();
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> this.lines.stream()
				.map(json::readTree)
				.filter((line) -> path.equals(line.path("path").asString()))
				.findFirst()
				.orElse(null), (line) -> line != null);
	}

}
