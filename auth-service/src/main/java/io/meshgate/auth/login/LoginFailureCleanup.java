package io.meshgate.auth.login;

import io.meshgate.auth.cleanup.BatchedCleanup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Deletes failure counts whose window has passed. They no longer throttle anyone, and
 * keyed by whatever e-mail and address a sign-in submits, they would otherwise grow with
 * every address an attacker tries. Deleting expired counts is idempotent and a batch
 * skips the rows a sign-in holds, so every replica may run it at the same time.
 */
@Component
class LoginFailureCleanup extends BatchedCleanup {

	private final LoginThrottle throttle;

	LoginFailureCleanup(LoginThrottle throttle, LoginThrottleProperties properties, MeterRegistry meters) {
		super(properties.cleanup(),
				Counter.builder("meshgate.auth.login.failures.deleted")
					.description("Failed sign-in counts deleted after their window had passed")
					.register(meters),
				"Deleted failed sign-in counts whose window had passed");
		this.throttle = throttle;
	}

	@Override
	protected int deleteBatch(int limit) {
		return this.throttle.deleteExpired(limit);
	}

}
