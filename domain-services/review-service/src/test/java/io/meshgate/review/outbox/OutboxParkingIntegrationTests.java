package io.meshgate.review.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.meshgate.review.support.EventSinkStandIn.Delivery;
import io.meshgate.review.support.ReviewServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the sink refuses for good is parked after
 * {@code meshgate.outbox.max-attempts-on-refusal} refusals: kept in the table, counted
 * apart, logged once, and no longer in the way of the events behind it. Trouble of the
 * sink itself is retried however long it lasts, and never parks anything.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxParkingIntegrationTests extends ReviewServiceIntegrationTest {

	private static final Duration DELIVERY = Duration.ofSeconds(20);

	/** docs/observability.md, "OutboxEventsParked", step 4, for one event. */
	private static final String REQUEUE = """
			UPDATE outbox_event SET parked_at = NULL, refusals = 0, next_attempt_at = now()
			WHERE parked_at IS NOT NULL AND sent_at IS NULL AND id = ?
			""";

	@Autowired
	private OutboxRepository repository;

	@Autowired
	private OutboxProperties properties;

	@Autowired
	private TransactionOperations transactions;

	@Autowired
	private JdbcClient jdbc;

	private final List<UUID> written = Collections.synchronizedList(new ArrayList<>());

	/**
	 * The rows of this test go, so that the gauges of the next one count only its own:
	 * every test class of this module shares one database.
	 */
	@AfterEach
	void deleteWrittenEvents() {
		this.written.forEach((id) -> this.jdbc.sql("DELETE FROM outbox_event WHERE id = ?").param(id).update());
	}

	@Test
	void eventTheSinkRefusesForGoodIsParkedAndTheEventsBehindItAreDeliveredInOrder(CapturedOutput output) {
		String email = "parked-" + UUID.randomUUID() + "@example.com";
		List<OutboxEvent> events = writeInOrder(4, email);
		OutboxEvent refused = events.get(0);
		List<String> behind = subjects(events.subList(1, 4));
		sink.answerAbout(refused.subject(), 400);

		await().atMost(DELIVERY).until(() -> sink.acceptedAbout(behind).size() >= behind.size());

		int maxAttempts = this.properties.maxAttemptsOnRefusal();
		List<String> expectedOrder = new ArrayList<>(Collections.nCopies(maxAttempts, refused.subject()));
		expectedOrder.addAll(behind);
		List<Delivery> deliveries = sink.deliveriesAbout(subjects(events));
		assertThat(deliveries).extracting((delivery) -> delivery.header("ce-subject")).isEqualTo(expectedOrder);
		assertThat(deliveries.subList(0, maxAttempts))
			.allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(400));

		StoredEvent stored = stored(refused.id());
		assertThat(stored.parkedAt()).isNotNull();
		assertThat(stored.sentAt()).isNull();
		assertThat(stored.refusals()).isEqualTo(maxAttempts);
		assertThat(stored.lastStatus()).isEqualTo(400);
		assertThat(stored.lastError()).isEqualTo("sink answered 400 Bad Request");
		assertThat(stored.data()).isEqualTo(refused.data());

		await().atMost(DELIVERY).untilAsserted(() -> {
			assertThat(metric("meshgate_outbox_parked")).isEqualTo(1);
			assertThat(metric("meshgate_outbox_backlog")).isZero();
			assertThat(metric("meshgate_outbox_oldest_age_seconds")).isZero();
		});

		assertThat(output.getOut().lines().filter((line) -> line.contains("parked"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("\"level\":\"WARN\"")
				.contains("\"eventId\":\"" + refused.id() + "\"")
				.contains("\"eventType\":\"io.meshgate.test.happened\"")
				.contains("\"status\":400"));
		assertThat(output.getAll()).doesNotContain(email);
	}

	@Test
	void parkedEventRequeuedAsTheRunbookSaysIsDelivered() {
		OutboxEvent refused = writeInOrder(1, "requeued@example.com").get(0);
		sink.answerAbout(refused.subject(), 422);
		await().atMost(DELIVERY).until(() -> stored(refused.id()).parkedAt() != null);
		sink.reset();

		assertThat(this.jdbc.sql(REQUEUE).param(refused.id()).update()).isOne();

		await().atMost(DELIVERY).until(() -> stored(refused.id()).sentAt() != null);
		assertThat(sink.acceptedAbout(List.of(refused.subject()))).hasSize(1);
		assertThat(metric("meshgate_outbox_parked")).isZero();
	}

	/**
	 * The sink is down, overloaded, asks to be called later, or the way to it is wrong
	 * (see DeliveryFailure): the same event is tried more often than a refusal would be,
	 * stays queued, and goes through once the sink takes it.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 503, 500, 429, 408, 401, 403, 404 })
	void sinkTroubleIsRetriedPastTheRefusalLimitNeverParkedAndDeliveredOnceOver(int status) {
		OutboxEvent event = writeInOrder(1, "patient@example.com").get(0);
		List<String> subject = List.of(event.subject());
		sink.answerAbout(event.subject(), status);

		int beyondTheLimit = this.properties.maxAttemptsOnRefusal() + 2;
		await().atMost(DELIVERY).until(() -> sink.deliveriesAbout(subject).size() >= beyondTheLimit);
		StoredEvent failing = stored(event.id());
		assertThat(failing.parkedAt()).isNull();
		assertThat(failing.refusals()).isZero();
		assertThat(failing.lastStatus()).isEqualTo(status);
		sink.reset();

		await().atMost(DELIVERY).until(() -> stored(event.id()).sentAt() != null);
		assertThat(stored(event.id()).parkedAt()).isNull();
		assertThat(sink.acceptedAbout(subject)).hasSize(1);
	}

	/**
	 * Events a millisecond apart, oldest first, committed together: the relay sees all or
	 * none of them.
	 */
	private List<OutboxEvent> writeInOrder(int count, String email) {
		Instant first = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<OutboxEvent> events = IntStream.range(0, count).mapToObj((i) -> {
			UUID id = UUID.randomUUID();
			String data = "{\"reviewerEmail\":\"" + email + "\",\"text\":\"Event " + i + "\"}";
			return OutboxEvent.unsent(id, "io.meshgate.test.happened", UUID.randomUUID().toString(), data, null,
					first.plusMillis(i));
		}).toList();
		this.transactions.executeWithoutResult((status) -> events.forEach(this.repository::insert));
		events.forEach((event) -> this.written.add(event.id()));
		return events;
	}

	private static List<String> subjects(List<OutboxEvent> events) {
		return events.stream().map(OutboxEvent::subject).toList();
	}

	private StoredEvent stored(UUID id) {
		return this.jdbc.sql("""
				SELECT parked_at, sent_at, refusals, last_status, last_error, data::text AS data
				FROM outbox_event WHERE id = ?
				""").param(id).query(StoredEvent.class).single();
	}

	/** What the table holds about one event beyond what the relay reads. */
	record StoredEvent(OffsetDateTime parkedAt, OffsetDateTime sentAt, int refusals, Integer lastStatus,
			String lastError, String data) {

	}

}
