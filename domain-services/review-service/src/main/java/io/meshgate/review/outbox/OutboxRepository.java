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

	private static final String COLUMNS = "id, type, subject, data, traceparent, created_at, attempts, refusals, next_attempt_at";

	/** Still to be delivered: neither sent nor parked. */
	private static final String PENDING = "sent_at IS NULL AND parked_at IS NULL";

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(OutboxEvent event) {
		this.jdbc.sql("""
				INSERT INTO outbox_event (id, type, subject, data, traceparent, created_at, attempts, refusals,
				                          next_attempt_at)
				VALUES (:id, :type, :subject, CAST(:data AS json), :traceparent, :createdAt, :attempts, :refusals,
				        :nextAttemptAt)
				""")
			.param("id", event.id())
			.param("type", event.type())
			.param("subject", event.subject())
			.param("data", event.data())
			.param("traceparent", event.traceparent())
			.param("createdAt", utc(event.createdAt()))
			.param("attempts", event.attempts())
			.param("refusals", event.refusals())
			.param("nextAttemptAt", utc(event.nextAttemptAt()))
			.update();
	}

	/**
	 * The oldest events still to be delivered, locked until the caller's transaction
	 * ends. Rows another relay holds are skipped, not waited for: two replicas never send
	 * the same event at the same time, and neither blocks the other.
	 */
	List<OutboxEvent> lockOldestPending(int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM outbox_event WHERE " + PENDING
					+ " ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
			.param("limit", limit)
			.query(OutboxRepository::event)
			.list();
	}

	void markSent(UUID id, Instant sentAt) {
		this.jdbc.sql("UPDATE outbox_event SET sent_at = :sentAt WHERE id = :id")
			.param("id", id)
			.param("sentAt", utc(sentAt))
			.update();
	}

	void markFailed(UUID id, DeliveryFailure failure, Instant nextAttemptAt) {
		this.jdbc.sql("""
				UPDATE outbox_event
				SET attempts = attempts + 1, refusals = refusals + :refused, next_attempt_at = :next,
				    last_status = :status, last_error = :error
				WHERE id = :id
				""")
			.param("id", id)
			.param("refused", failure.permanent() ? 1 : 0)
			.param("next", utc(nextAttemptAt))
			.param("status", failure.status())
			.param("error", failure.reason())
			.update();
	}

	/** Sets a refused event aside: kept, but no longer to be delivered. */
	void markParked(UUID id, DeliveryFailure failure, Instant parkedAt) {
		this.jdbc.sql("""
				UPDATE outbox_event
				SET attempts = attempts + 1, refusals = refusals + 1, parked_at = :parkedAt,
				    last_status = :status, last_error = :error
				WHERE id = :id
				""")
			.param("id", id)
			.param("parkedAt", utc(parkedAt))
			.param("status", failure.status())
			.param("error", failure.reason())
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

	long countPending() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE " + PENDING).query(Long.class).single();
	}

	/**
	 * Parked and not sent: the previous release's relay, which knows nothing of parking,
	 * may still deliver one during a rolling update.
	 */
	long countParked() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL")
			.query(Long.class)
			.single();
	}

	/** When the oldest pending event was written, if any is pending. */
	Optional<Instant> oldestPendingCreatedAt() {
		return this.jdbc
			.sql("SELECT created_at FROM outbox_event WHERE " + PENDING + " ORDER BY created_at, id LIMIT 1")
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
				row.getInt("refusals"), row.getObject("next_attempt_at", OffsetDateTime.class).toInstant());
	}

}
