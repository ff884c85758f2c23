package io.meshgate.review.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.meshgate.review.support.EventSinkStandIn.Delivery;
import io.meshgate.review.support.ReviewServiceIntegrationTest;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Relays on one database share the backlog without ever delivering an event twice, and
 * sent events are purged after the retention period.
 */
class OutboxRelayIntegrationTests extends ReviewServiceIntegrationTest {

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxRelay scheduledRelay;

	@Autowired
	private OutboxRepository repository;

	@Autowired
	private TransactionOperations transactions;

	@Autowired
	private CloudEventSender sender;

	@Autowired
	private Tracer tracer;

	@Autowired
	private Propagator propagator;

	@Autowired
	private OutboxProperties properties;

	@Autowired
	private JdbcClient jdbc;

	/**
	 * Two more relays beside the scheduled one, as on two more replicas: the sink holds
	 * the first delivery until a second is in flight, so the run is proven concurrent,
	 * and every event still arrives exactly once.
	 */
	@Test
	void concurrentRelaysNeverDeliverAnEventTwice() throws Exception {
		List<String> subjects = IntStream.range(0, 40).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		sink.awaitOverlap();
		this.transactions.executeWithoutResult((status) -> subjects.forEach(
				(subject) -> this.outbox.append("io.meshgate.test.happened", subject, Map.of("subject", subject))));

		AtomicBoolean done = new AtomicBoolean();
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> relays = List.of(replicas.submit(() -> relayUntil(newRelay(), done)),
					replicas.submit(() -> relayUntil(newRelay(), done)));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.repository.countPending() == 0 && sink.acceptedAbout(subjects).size() >= 40);
			done.set(true);
			for (Future<?> relay : relays) {
				relay.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			done.set(true);
			replicas.shutdownNow();
		}

		List<Delivery> accepted = sink.acceptedAbout(subjects);
		Map<String, Long> perEventId = accepted.stream()
			.collect(Collectors.groupingBy((delivery) -> delivery.header("ce-id"), Collectors.counting()));
		assertThat(perEventId).hasSize(subjects.size()).allSatisfy((id, deliveries) -> assertThat(deliveries).isOne());
		assertThat(sink.maxInFlight()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void purgeRemovesOnlyEventsSentLongerAgoThanTheRetention() {
		Instant beyondRetention = Instant.now().minus(this.properties.retention()).minus(Duration.ofHours(1));
		UUID sentLongAgo = storeSent(beyondRetention);
		UUID sentRecently = storeSent(Instant.now().minus(Duration.ofHours(1)));

		this.scheduledRelay.purgeSent();

		assertThat(exists(sentLongAgo)).isFalse();
		assertThat(exists(sentRecently)).isTrue();
	}

	@Test
	void unsentEventIsNeverPurgedHoweverOld() {
		Instant old = Instant.now().minus(this.properties.retention()).minus(Duration.ofDays(1));
		UUID unsent = UUID.randomUUID();
		sink.refuse();
		this.repository
			.insert(OutboxEvent.unsent(unsent, "io.meshgate.test.happened", unsent.toString(), "{}", null, old));

		this.scheduledRelay.purgeSent();

		assertThat(exists(unsent)).isTrue();
		// Sent at last, once the sink takes it again; only then may a later purge remove
		// it.
		sink.reset();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.repository.countPending() == 0);
	}

	private OutboxRelay newRelay() {
		return new OutboxRelay(this.repository, this.transactions, this.sender, this.tracer, this.propagator,
				this.properties);
	}

	private static void relayUntil(OutboxRelay relay, AtomicBoolean done) {
		while (!done.get()) {
			if (relay.relayBatch() == 0) {
				Thread.onSpinWait();
			}
		}
	}

	/**
	 * A sent event, written and marked in one transaction so that no relay sees it
	 * unsent.
	 */
	private UUID storeSent(Instant sentAt) {
		UUID id = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			this.repository.insert(OutboxEvent.unsent(id, "io.meshgate.test.happened", id.toString(), "{}", null,
					sentAt.minusSeconds(1)));
			this.repository.markSent(id, sentAt);
		});
		return id;
	}

	private boolean exists(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single() == 1;
	}

}
