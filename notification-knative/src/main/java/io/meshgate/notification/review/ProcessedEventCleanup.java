package io.meshgate.notification.review;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes the records of events handled longer ago than the retention: a record only
 * matters while the same event can still be delivered again. Runs on a fixed delay, in
 * batches of at most {@value #BATCH_SIZE} rows, each its own short transaction, so a
 * large backlog never holds many locks or a long transaction.
 * <p>
 * Every pod runs it, several at once when Knative scaled out. That is safe without a lock
 * of its own: deleting rows nobody needs is idempotent, and a batch skips the rows
 * another replica's batch holds, so replicas share a backlog instead of waiting on, or
 * deadlocking over, each other's rows. Scaled to zero nothing runs; the rows wait for the
 * next pod.
 */
@Component
class ProcessedEventCleanup implements SchedulingConfigurer {

	static final int BATCH_SIZE = 1000;

	private static final Logger logger = LoggerFactory.getLogger(ProcessedEventCleanup.class);

	private final ProcessedEvents processedEvents;

	private final ProcessedEventRetentionProperties properties;

	private final Counter deleted;

	ProcessedEventCleanup(ProcessedEvents processedEvents, ProcessedEventRetentionProperties properties,
			MeterRegistry meters) {
		this.processedEvents = processedEvents;
		this.properties = properties;
		this.deleted = Counter.builder("meshgate.notification.processed.events.deleted")
			.description("Records of handled events deleted after the retention period")
			.register(meters);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		ProcessedEventRetentionProperties.Schedule schedule = this.properties.processedEventCleanup();
		registrar
			.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, schedule.interval(), schedule.initialDelay()));
	}

	/**
	 * One run: deletes batch after batch until one comes back short.
	 * @return how many records were deleted
	 */
	int deleteExpired() {
		Duration retention = this.properties.processedEventRetention();
		int total = 0;
		int batch;
		do {
			batch = this.processedEvents.deleteHandledLongerAgoThan(retention, BATCH_SIZE);
			this.deleted.increment(batch);
			total += batch;
		}
		while (batch == BATCH_SIZE);
		if (total > 0) {
			logger.atInfo()
				.addKeyValue("deleted", total)
				.log("Deleted the records of events handled before the retention period");
		}
		return total;
	}

}
