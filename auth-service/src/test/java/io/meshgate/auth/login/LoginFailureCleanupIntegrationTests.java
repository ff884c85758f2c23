package io.meshgate.auth.login;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.meshgate.auth.cleanup.ScheduledCleanups;
import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.meshgate.service.testsupport.OAuthTestClient.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-in counts are deleted an hour after their window (15 minutes) ended, in
 * batches, and not before: failures within the window still lock the account. The tests
 * run the clean-up themselves; application-test.yaml keeps the schedule from racing them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "meshgate.login-throttle.max-failures-per-account=3")
@ActiveProfiles("test")
class LoginFailureCleanupIntegrationTests {

	private static final String DELETED = "meshgate.auth.login.failures.deleted";

	private static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	LoginFailureCleanup cleanup;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	ScheduledTaskHolder scheduler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void runsHourlyOnTheConfiguredSchedule() {
		assertThat(ScheduledCleanups.withInitialDelay(this.scheduler, Duration.ofDays(365)).getIntervalDuration())
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void deletesCountsWhoseWindowEndedMoreThanAnHourAgo() {
		String prefix = freshPrefix();
		failed(prefix, 1, "1 hour 16 minutes");
		double deletedBefore = deletedCounter();

		assertThat(this.cleanup.deleteExpired()).isEqualTo(1);

		assertThat(countsStartingWith(prefix)).isZero();
		assertThat(deletedCounter()).isEqualTo(deletedBefore + 1);
	}

	@Test
	void keepsCountsForAnHourAfterTheirWindowEnded() {
		String prefix = freshPrefix();
		failed(prefix, 1, "1 hour 14 minutes");

		assertThat(this.cleanup.deleteExpired()).isZero();

		assertThat(countsStartingWith(prefix)).isOne();
	}

	@Test
	void recentFailuresStillLockTheAccountAfterTheCleanup() {
		String email = signedUpEmail();
		for (int i = 0; i < 3; i++) {
			assertThat(login(email, "wrong password")).endsWith("/login?error");
		}
		failed(freshPrefix(), 1, "2 hours");

		assertThat(this.cleanup.deleteExpired()).isEqualTo(1);

		assertThat(login(email, PASSWORD)).endsWith("/login?throttled");
	}

	@Test
	void deletesABacklogOfSeveralBatchesInOneRun() {
		String prefix = freshPrefix();
		int backlog = 2 * LoginFailureCleanup.BATCH_SIZE + 500;
		failed(prefix, backlog, "1 day");

		assertThat(this.cleanup.deleteExpired()).isEqualTo(backlog);

		assertThat(countsStartingWith(prefix)).isZero();
	}

	@Test
	void oneBatchDeletesNoMoreThanItsLimit() {
		String prefix = freshPrefix();
		failed(prefix, 1500, "1 day");

		assertThat(this.throttle.deleteExpired(1000)).isEqualTo(1000);

		assertThat(countsStartingWith(prefix)).isEqualTo(500);
		// No old counts left behind: the other tests count what a run deletes.
		this.cleanup.deleteExpired();
	}

	/**
	 * Records {@code count} failed addresses whose window started {@code age} ago, by the
	 * database's clock (the service's is the same machine's).
	 */
	private void failed(String prefix, int count, String age) {
		this.jdbc.sql("""
				INSERT INTO login_failure (subject, failures, window_started)
				SELECT :prefix || n, 1, now() - CAST(:age AS interval)
				FROM generate_series(1, :count) AS n
				""").param("prefix", prefix).param("age", age).param("count", count).update();
	}

	private long countsStartingWith(String prefix) {
		return this.jdbc.sql("SELECT count(*) FROM login_failure WHERE starts_with(subject, :prefix)")
			.param("prefix", prefix)
			.query(Long.class)
			.single();
	}

	/** A subject prefix of this test's own, so other tests' counts never count. */
	private static String freshPrefix() {
		return "address:cleanup-test-" + UUID.randomUUID() + "-";
	}

	private double deletedCounter() {
		return this.meters.get(DELETED).counter().count();
	}

	/** Where the login form redirects to, from an address of its own each time. */
	private String login(String email, String password) {
		HttpResponse<String> response = new OAuthTestClient(this.port, newAddress()).login(email, password);
		assertThat(response.statusCode()).isEqualTo(302);
		return location(response);
	}

	/**
	 * TEST-NET-3 (RFC 5737) addresses, one per sign-in, so no address limit is reached.
	 */
	private static String newAddress() {
		return "203.0.113." + ADDRESSES.incrementAndGet();
	}

	private String signedUpEmail() {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		assertThat(new OAuthTestClient(this.port).signUp(email, PASSWORD, "User").statusCode()).isEqualTo(201);
		return email;
	}

}
