package io.meshgate.notification.review;

import java.time.Duration;
import java.util.UUID;

import io.meshgate.notification.support.SharedSmtpIntegrationTest;
import io.meshgate.notification.support.TestEvent;
import io.meshgate.notification.support.TestSmtp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records of handled events are deleted once the retention (7 days) has passed, in
 * batches, and not before: an event handled within it is still a duplicate. The tests run
 * the clean-up themselves; application-test.yaml keeps the schedule from racing them.
 */
class ProcessedEventCleanupIntegrationTests extends SharedSmtpIntegrationTest {

	private static final String DELETED = "meshgate.notification.processed.events.deleted";

	@Autowired
	ProcessedEventCleanup cleanup;

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	ScheduledTaskHolder scheduler;

	@Test
	void runsHourlyOnTheConfiguredSchedule() {
		assertThat(this.scheduler.getScheduledTasks()).map(ScheduledTask::getTask)
			.filteredOn(FixedDelayTask.class::isInstance)
			.map(FixedDelayTask.class::cast)
			.singleElement()
			.satisfies((task) -> {
				assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1));
				// application-test.yaml's: far enough out never to race a test.
				assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofDays(365));
			});
	}

	@Test
	void deletesEventsHandledLongerAgoThanTheRetention() {
		String source = freshSource();
		handled(source, 1, "8 days");
		double deletedBefore = counter(DELETED);

		assertThat(this.cleanup.deleteExpired()).isEqualTo(1);

		assertThat(countFrom(source)).isZero();
		assertThat(counter(DELETED)).isEqualTo(deletedBefore + 1);
	}

	@Test
	void keepsEventsHandledWithinTheRetention() {
		String source = freshSource();
		handled(source, 1, "6 days 23 hours");

		this.cleanup.deleteExpired();

		assertThat(countFrom(source)).isOne();
	}

	@Test
	void recentEventIsStillRecognisedAsADuplicateAfterTheCleanup() {
		String reviewer = TestEvent.freshAddress();
		TestEvent event = TestEvent.reviewCreated(reviewer);
		assertThat(deliver(event).statusCode()).isEqualTo(204);
		handled(freshSource(), 1, "8 days");
		double duplicatesBefore = counter("meshgate.notification.duplicates");

		assertThat(this.cleanup.deleteExpired()).isEqualTo(1);
		assertThat(deliver(event).statusCode()).isEqualTo(204);

		assertThat(TestSmtp.messagesTo(reviewer)).hasSize(1);
		assertThat(counter("meshgate.notification.duplicates")).isEqualTo(duplicatesBefore + 1);
		assertThat(recordedOutcomes(event)).containsExactly("sent");
	}

	@Test
	void deletesABacklogOfSeveralBatchesInOneRun() {
		String source = freshSource();
		int backlog = 2 * ProcessedEventCleanup.BATCH_SIZE + 500;
		handled(source, backlog, "30 days");

		assertThat(this.cleanup.deleteExpired()).isEqualTo(backlog);

		assertThat(countFrom(source)).isZero();
	}

	@Test
	void oneBatchDeletesNoMoreThanItsLimit() {
		String source = freshSource();
		handled(source, 1500, "30 days");

		assertThat(this.processedEvents.deleteHandledLongerAgoThan(Duration.ofDays(7), 1000)).isEqualTo(1000);

		assertThat(countFrom(source)).isEqualTo(500);
		// No old records left behind: the other tests count what a run deletes.
		this.cleanup.deleteExpired();
	}

	/** Records {@code count} events from {@code source}, handled {@code age} ago. */
	private void handled(String source, int count, String age) {
		this.jdbc.sql("""
				INSERT INTO processed_event (source, id, type, outcome, processed_at)
				SELECT :source, gen_random_uuid()::text, 'io.meshgate.review.created', 'sent',
				       now() - CAST(:age AS interval)
				FROM generate_series(1, :count)
				""").param("source", source).param("age", age).param("count", count).update();
	}

	private long countFrom(String source) {
		return this.jdbc.sql("SELECT count(*) FROM processed_event WHERE source = :source")
			.param("source", source)
			.query(Long.class)
			.single();
	}

	/** A source of this test's own, so other tests' records never count. */
	private static String freshSource() {
		return "/cleanup-test-" + UUID.randomUUID();
	}

}
