package io.meshgate.notification;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.meshgate.notification.support.SharedSmtpIntegrationTest;
import io.meshgate.notification.support.TestEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker passes on the W3C {@code traceparent} of the request that created the
 * review; the service's span joins that trace, so the line that reports the event can be
 * found from the review's trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventTracingIntegrationTests extends SharedSmtpIntegrationTest {

	@Test
	void logLineOfHandledEventCarriesTheIncomingTraceId(CapturedOutput output) {
		String traceId = randomHex(16);
		TestEvent event = TestEvent.reviewCreated(TestEvent.freshAddress())
			.withHeader("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");

		assertThat(deliver(event).statusCode()).isEqualTo(204);

		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map((line) -> JsonMapper.shared().readTree(line))
			.filter((line) -> event.id().equals(line.path("eventId").asString(null)))
			.toList();
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.path("message").asString()).isEqualTo("Thank-you mail sent");
			assertThat(line.path("traceId").asString()).isEqualTo(traceId);
			assertThat(line.toString()).doesNotContain("@example.com");
		});
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
