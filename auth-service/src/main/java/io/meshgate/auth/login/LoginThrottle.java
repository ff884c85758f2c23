package io.meshgate.auth.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per submitted e-mail and per client address in the database, so
 * every replica enforces the same limits. Keyed by what was submitted, not by whether an
 * account exists, so the answer never reveals that.
 */
@Component
class LoginThrottle {

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
