package io.meshgate.auth.cleanup;

import java.time.Duration;

import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds the task of a {@link BatchedCleanup} among those scheduled. application-test.yaml
 * gives each clean-up an initial delay of its own, far enough out never to race a test.
 */
public final class ScheduledCleanups {

	private ScheduledCleanups() {
	}

	/** Fails unless exactly one fixed-delay task starts after {@code initialDelay}. */
	public static FixedDelayTask withInitialDelay(ScheduledTaskHolder scheduler, Duration initialDelay) {
		return assertThat(scheduler.getScheduledTasks()).map(ScheduledTask::getTask)
			.filteredOn(FixedDelayTask.class::isInstance)
			.map(FixedDelayTask.class::cast)
			.filteredOn((task) -> task.getInitialDelayDuration().equals(initialDelay))
			.singleElement()
			.actual();
	}

}
