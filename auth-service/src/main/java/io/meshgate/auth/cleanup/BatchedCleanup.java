package io.meshgate.auth.cleanup;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes rows that no longer matter on a fixed delay, in batches of at most
 * {@value #BATCH_SIZE} rows, each its own short transaction, so a large backlog never
 * holds many locks or a long transaction.
 * <p>
 * Every replica runs it, possibly at the same time. That is safe without a lock of its
 * own as long as {@link #deleteBatch(int)} is idempotent and skips the rows others hold
 * ({@code FOR UPDATE SKIP LOCKED}): replicas then share a backlog instead of waiting on,
 * or deadlocking over, each other's rows.
 */
public abstract class BatchedCleanup implements SchedulingConfigurer {

	public static final int BATCH_SIZE = 1000;

	private final Logger logger = LoggerFactory.getLogger(getClass());

	private final CleanupSchedule schedule;

	private final Counter deleted;

	private final String deletedMessage;

	/**
	 * @param schedule when to run
	 * @param deleted counts every row deleted
	 * @param deletedMessage logged at INFO, with the number deleted, after a run that
	 * deleted anything
	 */
	protected BatchedCleanup(CleanupSchedule schedule, Counter deleted, String deletedMessage) {
		this.schedule = schedule;
		this.deleted = deleted;
		this.deletedMessage = deletedMessage;
	}

	@Override
	public final void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(
				new FixedDelayTask(this::deleteExpired, this.schedule.interval(), this.schedule.initialDelay()));
	}

	/**
	 * One run: deletes batch after batch until one comes back short.
	 * @return how many rows were deleted
	 */
	public final int deleteExpired() {
		int total = 0;
		int batch;
		do {
			batch = deleteBatch(BATCH_SIZE);
			this.deleted.increment(batch);
			total += batch;
		}
		while (batch == BATCH_SIZE);
		if (total > 0) {
			this.logger.atInfo().addKeyValue("deleted", total).log(this.deletedMessage);
		}
		return total;
	}

	/**
	 * Deletes at most {@code limit} rows that no longer matter, in one transaction.
	 * @return how many were deleted
	 */
	protected abstract int deleteBatch(int limit);

}
