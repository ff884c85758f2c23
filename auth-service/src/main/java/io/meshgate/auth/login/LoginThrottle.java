package io.meshgate.auth.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per submitted e-mail and per client address in the database, so
 * every replica enforces the same limits. Keyed by what was submitted, not by whether an
 * account exists, so the answer never reveals that. A count lasts one window from its
 * first failure, and the next failure after that starts a new one;
 * {@link LoginFailureCleanup} deletes a count {@link #EXPIRED_KEPT_FOR} after its window
 * ended.
 */
@Component
class LoginThrottle {

	/**
	 * How long a count whose window has passed is kept before it is deleted. Such a count
	 * already counts as zero; the margin is for replicas that disagree: clocks apart by
	 * seconds, or, during a rolling update that lengthens the window, an old replica
	 * deleting what a new one still counts.
	 */
	static final Duration EXPIRED_KEPT_FOR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	boolean isBlocked(String email, String address) {
		return failures(accountKey(email)) >= this.properties.maxFailuresPerAccount()
				|| failures(addressKey(address)) >= this.properties.maxFailuresPerAddress();
	}

	void recordFailure(String email, String address) {
		increment(accountKey(email));
		increment(addressKey(address));
	}

	void recordSuccess(String email) {
		this.jdbc.sql("DELETE FROM login_failure WHERE subject = :subject")
			.param("subject", accountKey(email))
			.update();
	}

	private int failures(String subject) {
		return this.jdbc.sql("SELECT failures FROM login_failure WHERE subject = :subject AND window_started > :since")
			.param("subject", subject)
			.param("since", Timestamp.from(windowStart()))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private void increment(String subject) {
		// A window that has passed starts again at one.
		this.jdbc
			.sql("""
					INSERT INTO login_failure (subject, failures, window_started) VALUES (:subject, 1, :now)
					ON CONFLICT (subject) DO UPDATE SET
					  failures = CASE WHEN login_failure.window_started > :since THEN login_failure.failures + 1 ELSE 1 END,
					  window_started = CASE WHEN login_failure.window_started > :since THEN login_failure.window_started ELSE :now END
					""")
			.param("subject", subject)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("since", Timestamp.from(windowStart()))
			.update();
	}

	/**
	 * Deletes at most {@code limit} counts whose window ended more than
	 * {@link #EXPIRED_KEPT_FOR} ago. Rows another transaction has locked (a sign-in being
	 * counted, another replica's batch) are skipped, not waited for; a row updated since
	 * it was found is checked again, so a count that started a new window stays.
	 * @return how many were deleted
	 */
	int deleteExpired(int limit) {
		Instant cutoff = windowStart().minus(EXPIRED_KEPT_FOR);
		return this.jdbc.sql("""
				DELETE FROM login_failure
				WHERE subject IN (
				    SELECT subject FROM login_failure
				    WHERE window_started < :cutoff
				    LIMIT :limit
				    FOR UPDATE SKIP LOCKED)
				""").param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
	}

	private Instant windowStart() {
		return this.clock.instant().minus(this.properties.window());
	}

	private static String accountKey(String email) {
		return "account:" + String.valueOf(email).strip().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
