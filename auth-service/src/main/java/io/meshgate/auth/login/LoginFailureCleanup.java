package io.meshgate.auth.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes failure counts whose window has passed. They no longer throttle anyone, and
 * keyed by whatever e-mail and address a sign-in submits, they would otherwise grow with
 * every address an attacker tries. Runs on a fixed delay, in batches of at most
 * {@value #BATCH_SIZE} rows, each its own short transaction, so a large backlog never
 * holds many locks or a long transaction.
 * <p>
 * Every replica runs it, possibly at the same time. That is safe without a lock of its
 * own: deleting expired counts is idempotent, and a batch skips the rows another batch or
 * a sign-in holds, so replicas share a backlog instead of waiting on, or deadlocking
 * over, each other's rows.
 */
@Component
class LoginFailureCleanup implements SchedulingConfigurer {

	static final int BATCH_SIZE = 1000;

	private static final Logger logger = LoggerFactory.getLogger(LoginFailureCleanup.class);

	private final LoginThrottle throttle;

	private final LoginThrottleProperties properties;

	private final Counter deleted;

	LoginFailureCleanup(LoginThrottle throttle, LoginThrottleProperties properties, MeterRegistry meters) {
		this.throttle = throttle;
		this.properties = properties;
		this.deleted = Counter.builder("meshgate.auth.login.failures.deleted")
			.description("Failed sign-in counts deleted after their window had passed")
			.register(meters);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		LoginThrottleProperties.Cleanup cleanup = this.properties.cleanup();
		registrar
			.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, cleanup.interval(), cleanup.initialDelay()));
	}

	/**
	 * One run: deletes batch after batch until one comes back short.
	 * @return how many counts were deleted
	 */
	int deleteExpired() {
		int total = 0;
		int batch;
		do {
			batch = this.throttle.deleteExpired(BATCH_SIZE);
			this.deleted.increment(batch);
			total += batch;
		}
		while (batch == BATCH_SIZE);
		if (total > 0) {
			logger.atInfo().addKeyValue("deleted", total).log("Deleted failed sign-in counts whose window had passed");
		}
		return total;
	}

}
