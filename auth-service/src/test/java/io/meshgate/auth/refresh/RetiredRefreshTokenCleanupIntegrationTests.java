package io.meshgate.auth.refresh;

import io.meshgate.auth.cleanup.ScheduledCleanups;
import io.meshgate.auth.server.TokenProperties;
import io.meshgate.service.testsupport.OAuthTestClient;
import io.meshgate.service.testsupport.TestPostgres;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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

import static io.meshgate.service.testsupport.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hashes of rotated refresh tokens are deleted once the refresh-token TTL (8 hours)
 * has passed since their rotation, in batches, and not before: until then presenting one
 * still revokes its authorization. The tests run the clean-up themselves;
 * application-test.yaml keeps the schedule from racing them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RetiredRefreshTokenCleanupIntegrationTests {

	private static final String DELETED = "meshgate.auth.refresh.retired.deleted";

	private static final String PASSWORD = "correct horse battery";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	RetiredRefreshTokenCleanup cleanup;

	@Autowired
	ScheduledTaskHolder scheduler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TokenProperties tokens;

	@Autowired
	Clock clock;

	@Test
	void runsHourlyOnTheConfiguredSchedule() {
		assertThat(ScheduledCleanups.withInitialDelay(this.scheduler, Duration.ofDays(366)).getIntervalDuration())
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void deletesHashesRetiredLongerThanTheRefreshTokenTtlAgo() {
		String expired = retired(1, ttlAgo().minus(MINUTE));
		String recent = retired(1, ttlAgo().plus(MINUTE));
		double deletedBefore = deletedCounter();

		assertThat(this.cleanup.deleteExpired()).isEqualTo(1);

		assertThat(rowsOf(expired)).isZero();
		assertThat(rowsOf(recent)).isOne();
		assertThat(deletedCounter()).isEqualTo(deletedBefore + 1);
	}

	@Test
	void deletesABacklogOfSeveralBatchesInOneRun() {
		int backlog = 2 * RetiredRefreshTokenCleanup.BATCH_SIZE + 500;
		String expired = retired(backlog, ttlAgo().minus(Duration.ofDays(1)));

		assertThat(this.cleanup.deleteExpired()).isEqualTo(backlog);

		assertThat(rowsOf(expired)).isZero();
	}

	@Test
	void tokenRotatedOutWithinTheTtlStillRevokesItsAuthorizationAfterACleanup() {
		OAuthTestClient client = new OAuthTestClient(this.port);
		String email = "edsger-" + UUID.randomUUID() + "@example.com";
		assertThat(client.signUp(email, PASSWORD, "Edsger Dijkstra").statusCode()).isEqualTo(201);
		String first = client.tokensFor(email, PASSWORD).get("refresh_token").asString();
		String second = json(client.refresh(first)).get("refresh_token").asString();

		this.cleanup.deleteExpired();

		assertThat(client.refresh(first).statusCode()).isEqualTo(400);
		assertThat(client.refresh(second).statusCode()).as("revoked with the authorization").isEqualTo(400);
	}

	private Instant ttlAgo() {
		return this.clock.instant().minus(this.tokens.tokens().refreshTokenTtl());
	}

	/**
	 * Records {@code count} rotated tokens of one made-up authorization, retired at
	 * {@code retiredAt}.
	 * @return the authorization's id
	 */
	private String retired(int count, Instant retiredAt) {
		String authorizationId = UUID.randomUUID().toString();
		this.jdbc.sql("""
				INSERT INTO retired_refresh_token (token_hash, authorization_id, retired_at)
				SELECT sha256(convert_to(:authorizationId || n, 'UTF8')), :authorizationId, :retiredAt
				FROM generate_series(1, :count) AS n
				""")
			.param("authorizationId", authorizationId)
			.param("retiredAt", Timestamp.from(retiredAt))
			.param("count", count)
			.update();
		return authorizationId;
	}

	private long rowsOf(String authorizationId) {
		return this.jdbc.sql("SELECT count(*) FROM retired_refresh_token WHERE authorization_id = :authorizationId")
			.param("authorizationId", authorizationId)
			.query(Long.class)
			.single();
	}

	private double deletedCounter() {
		return this.meters.get(DELETED).counter().count();
	}

}
