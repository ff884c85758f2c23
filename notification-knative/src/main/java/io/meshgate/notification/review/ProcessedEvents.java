package io.meshgate.notification.review;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events already handled, keyed as CloudEvents identifies an event: by {@code source}
 * and {@code id} together. Used inside the transaction that sends the mail, so a row
 * exists exactly when the event needs no further delivery, until
 * {@link ProcessedEventCleanup} deletes it after the retention period.
 */
@Repository
class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event unless it is recorded already. A concurrent delivery of the same
	 * event waits on the primary key until this transaction ends: after a commit it finds
	 * the row and gets {@code false}; after a rollback (the mail failed) its own insert
	 * goes through and it sends.
	 * @return whether this call recorded it, that is, whether the caller handles it
	 */
	boolean claim(String source, String id, String type, Outcome outcome) {
		return this.jdbc.sql("""
				INSERT INTO processed_event (source, id, type, outcome)
				VALUES (:source, :id, :type, :outcome)
				ON CONFLICT (source, id) DO NOTHING
				""")
			.param("source", source)
			.param("id", id)
			.param("type", type)
			.param("outcome", outcome.value())
			.update() == 1;
	}

	void changeOutcome(String source, String id, Outcome outcome) {
		this.jdbc.sql("UPDATE processed_event SET outcome = :outcome WHERE source = :source AND id = :id")
			.param("source", source)
			.param("id", id)
			.param("outcome", outcome.value())
			.update();
	}

	/**
	 * Deletes at most {@code limit} events handled more than {@code retention} ago, by
	 * the database's clock, which wrote {@code processed_at}. Rows another transaction
	 * has locked are skipped, not waited for.
	 * @return how many were deleted
	 */
	int deleteHandledLongerAgoThan(Duration retention, int limit) {
		return this.jdbc.sql("""
				DELETE FROM processed_event
				WHERE (source, id) IN (
				    SELECT source, id FROM processed_event
				    WHERE processed_at < now() - make_interval(secs => :retentionSeconds)
				    LIMIT :limit
				    FOR UPDATE SKIP LOCKED)
				""").param("retentionSeconds", retention.toSeconds()).param("limit", limit).update();
	}

}
