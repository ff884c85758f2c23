package io.meshgate.review;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.meshgate.review.support.EventSinkStandIn.Delivery;
import io.meshgate.review.support.ReviewServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every created review is announced once as an {@code io.meshgate.review.created}
 * CloudEvent at {@code K_SINK}, continuing the creating request's trace; an outage of the
 * sink delays events but loses none, and a review that is not stored announces nothing.
 */
class ReviewEventIntegrationTests extends ReviewServiceIntegrationTest {

	private static final Duration DELIVERY = Duration.ofSeconds(20);

	@Autowired
	private JdbcClient jdbc;

	@Test
	void createdReviewArrivesAtTheSinkAsCloudEventInTheSameTrace() {
		TestTokens member = TestTokens.valid().claim("email", "ada@example.com");
		UUID productId = products.addProduct("Velvet teapot");
		String traceId = randomHex(16);
		String clientSpanId = randomHex(8);

		HttpResponse<String> response = http().withHeader("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
			.post("/reviews", member.sign(), reviewJson(productId, 5, "Lovely."));
		JsonNode review = json(response);
		String reviewId = review.get("id").asString();

		Delivery delivery = await().atMost(DELIVERY)
			.until(() -> sink.acceptedAbout(List.of(reviewId)), (accepted) -> !accepted.isEmpty())
			.get(0);
		assertThat(delivery.method()).isEqualTo("POST");
		assertThat(delivery.header("ce-specversion")).isEqualTo("1.0");
		assertThat(delivery.header("ce-type")).isEqualTo("io.meshgate.review.created");
		assertThat(delivery.header("ce-source")).isEqualTo("/review-service");
		assertThat(UUID.fromString(delivery.header("ce-id"))).isNotEqualTo(UUID.fromString(reviewId));
		assertThat(delivery.header("ce-subject")).isEqualTo(reviewId);
		assertThat(OffsetDateTime.parse(delivery.header("ce-time"))).isNotNull();
		assertThat(delivery.header("content-type")).isEqualTo("application/json");
		// The stored context is the creating request's span; the plain header a child of
		// it.
		String stored = delivery.header("ce-traceparent");
		String sent = delivery.header("traceparent");
		assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(clientSpanId);
		assertThat(sent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
		assertThat(sent.split("-")[2]).isNotEqualTo(stored.split("-")[2]);

		JsonNode data = delivery.data();
		assertThat(data.get("reviewId").asString()).isEqualTo(reviewId);
		assertThat(data.get("productId").asString()).isEqualTo(productId.toString());
		assertThat(data.get("productName").asString()).isEqualTo("Velvet teapot");
		assertThat(data.get("reviewerId").asString()).isEqualTo(member.subject());
		assertThat(data.get("reviewerEmail").asString()).isEqualTo("ada@example.com");
		assertThat(data.get("rating").asInt()).isEqualTo(5);
		assertThat(data.get("text").asString()).isEqualTo("Lovely.");
		assertThat(data.get("createdAt").asString()).isEqualTo(review.get("createdAt").asString());
	}

	@Test
	void deliveryIsAValidCloudEventForTheSdk() {
		String reviewId = createReview(TestTokens.valid().sign(), products.addProduct("Mug"), 4, "Solid.").get("id")
			.asString();

		Delivery delivery = await().atMost(DELIVERY)
			.until(() -> sink.acceptedAbout(List.of(reviewId)), (accepted) -> !accepted.isEmpty())
			.get(0);
		CloudEvent event = HttpMessageFactory
			.createReader(delivery.headers(), delivery.body().getBytes(StandardCharsets.UTF_8))
			.toEvent();

		assertThat(event.getType()).isEqualTo("io.meshgate.review.created");
		assertThat(event.getSubject()).isEqualTo(reviewId);
		assertThat(event.getDataContentType()).isEqualTo("application/json");
		assertThat(event.getExtension("traceparent")).isNotNull();
	}

	@Test
	void reviewerEmailIsNullWithoutEmailClaim() {
		String reviewId = createReview(TestTokens.valid().sign(), products.addProduct("Scale"), 3, "Accurate.")
			.get("id")
			.asString();

		Delivery delivery = await().atMost(DELIVERY)
			.until(() -> sink.acceptedAbout(List.of(reviewId)), (accepted) -> !accepted.isEmpty())
			.get(0);

		JsonNode data = delivery.data();
		assertThat(data.has("reviewerEmail")).isTrue();
		assertThat(data.get("reviewerEmail").isNull()).isTrue();
	}

	@Test
	void eventsWaitWhileTheSinkRefusesAndArriveOnceOldestFirst() {
		sink.refuse();
		List<String> reviewIds = createReviews(3);
		await().atMost(DELIVERY).until(() -> !sink.deliveriesAbout(reviewIds).isEmpty());

		assertWaitingAndAgeing(reviewIds);
		sink.reset();

		assertDeliveredOnceOldestFirst(reviewIds);
	}

	@Test
	void eventsWaitWhileTheSinkIsDownAndArriveOnceOldestFirst() {
		sink.stop();
		List<String> reviewIds = createReviews(3);
		await().atMost(DELIVERY).until(() -> attempts(reviewIds.get(0)) > 0);

		assertWaitingAndAgeing(reviewIds);
		sink.reset();

		assertDeliveredOnceOldestFirst(reviewIds);
	}

	@Test
	void reviewWhoseEventCannotBeStoredIsNotStoredEither() {
		String marker = "Rolled back " + UUID.randomUUID();
		this.jdbc.sql("""
				CREATE FUNCTION refuse_marked_event() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.data ->> 'text' = '%s' THEN
				        RAISE EXCEPTION 'event refused by test trigger';
				    END IF;
				    RETURN NEW;
				END $$
				""".formatted(marker)).update();
		this.jdbc
			.sql("CREATE TRIGGER refuse_marked_event BEFORE INSERT ON outbox_event "
					+ "FOR EACH ROW EXECUTE FUNCTION refuse_marked_event()")
			.update();
		try {
			HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(),
					reviewJson(products.addProduct("Vase"), 4, marker));

			assertProblem(response, 500, "/reviews");
			assertThat(count("SELECT count(*) FROM review WHERE text = ?", marker)).isZero();
			assertThat(count("SELECT count(*) FROM outbox_event WHERE data ->> 'text' = ?", marker)).isZero();
		}
		finally {
			this.jdbc.sql("DROP TRIGGER refuse_marked_event ON outbox_event").update();
			this.jdbc.sql("DROP FUNCTION refuse_marked_event()").update();
		}
	}

	private List<String> createReviews(int count) {
		UUID productId = products.addProduct("Outage product");
		return IntStream.range(0, count)
			.mapToObj((i) -> createReview(TestTokens.valid().sign(), productId, 4, "During outage " + i).get("id")
				.asString())
			.toList();
	}

	/** The events are kept, counted in the backlog, and the oldest one's age grows. */
	private void assertWaitingAndAgeing(List<String> reviewIds) {
		assertThat(sink.acceptedAbout(reviewIds)).isEmpty();
		assertThat(count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND subject IN ('"
				+ String.join("','", reviewIds) + "')"))
			.isEqualTo(reviewIds.size());
		assertThat(metric("meshgate_outbox_backlog")).isGreaterThanOrEqualTo(reviewIds.size());
		double age = metric("meshgate_outbox_oldest_age_seconds");
		assertThat(age).isPositive();
		await().atMost(Duration.ofSeconds(5)).until(() -> metric("meshgate_outbox_oldest_age_seconds") > age);
	}

	private void assertDeliveredOnceOldestFirst(List<String> reviewIds) {
		await().atMost(DELIVERY).until(() -> sink.acceptedAbout(reviewIds).size() >= reviewIds.size());
		await().atMost(DELIVERY)
			.until(() -> count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND subject IN ('"
					+ String.join("','", reviewIds) + "')") == 0);
		List<Delivery> accepted = sink.acceptedAbout(reviewIds);
		assertThat(accepted).extracting((delivery) -> delivery.header("ce-subject")).isEqualTo(reviewIds);
		Map<String, Long> perEventId = accepted.stream()
			.collect(Collectors.groupingBy((delivery) -> delivery.header("ce-id"), Collectors.counting()));
		assertThat(perEventId).hasSize(reviewIds.size()).allSatisfy((id, deliveries) -> assertThat(deliveries).isOne());
	}

	private int attempts(String reviewId) {
		return this.jdbc.sql("SELECT attempts FROM outbox_event WHERE subject = ?")
			.param(reviewId)
			.query(Integer.class)
			.single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
