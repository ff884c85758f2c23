package io.meshgate.review.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_event} table. Times are the application's clock throughout, so that
 * due times, ages and the retention compare like with like.
 */
@Repository
class OutboxRepository {

	private static final String COLUMNS = "id, type, subject, data, traceparent, created_at, attempts, next_attempt_at";

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(OutboxEvent event) {
		this.jdbc.sql("""
				INSERT INTO outbox_event (id, type, subject, data, traceparent, created_at, attempts, next_attempt_at)
				VALUES (:id, :type, :subject, CAST(:data AS json), :traceparent, :createdAt, :attempts, :nextAttemptAt)
				""")
			.param("id", event.id())
			.param("type", event.type())
			.param("subject", event.subject())
			.param("data", event.data())
			.param("traceparent", event.traceparent())
			.param("createdAt", utc(event.createdAt()))
			.param("attempts", event.attempts())
			.param("nextAttemptAt", utc(event.nextAttemptAt()))
			.update();
	}

	/**
	 * The oldest unsent events, locked until the caller's transaction ends. Rows another
	 * relay holds are skipped, not waited for: two replicas never send the same event at
	 * the same time, and neither blocks the other.
	 */
	List<OutboxEvent> lockOldestUnsent(int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM outbox_event
				WHERE sent_at IS NULL
				ORDER BY created_at, id
				LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""").param("limit", limit).query(OutboxRepository::event).list();
	}

	void markSent(UUID id, Instant sentAt) {
		this.jdbc.sql("UPDATE outbox_event SET sent_at = :sentAt WHERE id = :id")
			.param("id", id)
			.param("sentAt", utc(sentAt))
			.update();
	}

	void markFailed(UUID id, Instant nextAttemptAt) {
		this.jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, next_attempt_at = :next WHERE id = :id")
			.param("id", id)
			.param("next", utc(nextAttemptAt))
			.update();
	}

	/**
	 * Deletes at most {@code limit} events sent before {@code cutoff}, so that one purge
	 * never holds a long transaction.
	 * @return how many were deleted
	 */
	int purgeSentBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				DELETE FROM outbox_event
				WHERE id IN (SELECT id FROM outbox_event WHERE sent_at < :cutoff LIMIT :limit)
				""").param("cutoff", utc(cutoff)).param("limit", limit).update();
	}

	long countUnsent() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL").query(Long.class).single();
	}

	/** When the oldest unsent event was written, if any is unsent. */
	Optional<Instant> oldestUnsentCreatedAt() {
		return this.jdbc
			.sql("SELECT created_at FROM outbox_event WHERE sent_at IS NULL ORDER BY created_at, id LIMIT 1")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static OutboxEvent event(ResultSet row, int rowNumber) throws SQLException {
		return new OutboxEvent(row.getObject("id", UUID.class), row.getString("type"), row.getString("subject"),
				row.getString("data"), row.getString("traceparent"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getInt("attempts"),
				row.getObject("next_attempt_at", OffsetDateTime.class).toInstant());
	}

}
