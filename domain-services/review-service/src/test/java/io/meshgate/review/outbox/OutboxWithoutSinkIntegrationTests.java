package io.meshgate.review.outbox;

import java.time.Duration;
import java.util.List;

import io.meshgate.review.support.ReviewServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without {@code K_SINK} (no SinkBinding yet, or run without local-platform) reviews are
 * still created and their events wait in the outbox, untried.
 */
class OutboxWithoutSinkIntegrationTests extends ReviewServiceIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void noSink(DynamicPropertyRegistry registry) {
		registry.add("meshgate.outbox.sink", () -> "");
	}

	@Test
	void eventsWaitUntriedWhenNoSinkIsConfigured() {
		String reviewId = createReview(TestTokens.valid().sign(), products.addProduct("Unannounced"), 4, "Quiet.")
			.get("id")
			.asString();

		// Fifteen relay runs at the test profile's 100 ms.
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.jdbc.sql("SELECT attempts FROM outbox_event WHERE subject = ? AND sent_at IS NULL")
				.param(reviewId)
				.query(Integer.class)
				.optional()
				.filter((attempts) -> attempts == 0)
				.isPresent());
		assertThat(sink.deliveriesAbout(List.of(reviewId))).isEmpty();
	}

}
