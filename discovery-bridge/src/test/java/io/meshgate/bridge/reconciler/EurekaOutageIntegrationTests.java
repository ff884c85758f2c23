package io.meshgate.bridge.reconciler;

import java.time.Duration;
import java.util.List;

import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.Lease;
import io.meshgate.bridge.support.EurekaTestServer;
import io.meshgate.bridge.support.OperatorTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eureka stopping and starting again on the same port, with an empty registry, as a
 * restarted server does.
 */
class EurekaOutageIntegrationTests extends OperatorTestSupport {

	private final EurekaTestServer ownEureka = new EurekaTestServer().start();

	@Override
	protected EurekaTestServer eureka() {
		return this.ownEureka;
	}

	@BeforeEach
	void eurekaIsUp() {
		if (!this.ownEureka.isRunning()) {
			this.ownEureka.start();
		}
	}

	@AfterAll
	void stopEureka() {
		this.ownEureka.close();
	}

	@Test
	void outageTurnsSyncedFalseWithItsReasonAndTheSyncerRecoversOnItsOwn() {
		createService("reviews", "10.96.1.10");
		endpoints("reviews", endpoint("10.20.0.1", true));
		createSyncer("reviews-pods", exportSpec("REVIEWS", "reviews", "pod"));
		eventually().until(() -> upAddresses("REVIEWS"), (up) -> up.equals(List.of("10.20.0.1")));

		this.ownEureka.stop();

		eventually().until(() -> condition("reviews-pods", "Synced"),
				(synced) -> synced.filter((c) -> "EurekaUnreachable".equals(c.getReason())).isPresent());
		assertThat(condition("reviews-pods", "Synced")).hasValueSatisfying((synced) -> {
			assertThat(synced.getStatus()).isEqualTo("False");
			assertThat(synced.getMessage()).contains(this.ownEureka.url().toString());
		});
		assertThat(condition("reviews-pods", "Ready").orElseThrow().getStatus()).isEqualTo("True");
		assertThat(events("reviews-pods")).anySatisfy((event) -> {
			assertThat(event.getType()).isEqualTo("Warning");
			assertThat(event.getReason()).isEqualTo("EurekaUnreachable");
		});
		assertThat(this.meters.counter("discovery.bridge.sync.failures", "reason", "EurekaUnreachable").count())
			.isPositive();

		this.ownEureka.start();

		eventually().until(() -> upAddresses("REVIEWS"), (up) -> up.equals(List.of("10.20.0.1")));
		eventually().until(() -> condition("reviews-pods", "Synced"),
				(synced) -> synced.filter((c) -> "True".equals(c.getStatus())).isPresent());
	}

	@Test
	void deletionWaitsForEurekaUntilTheLeaseHasExpiredAnyway() {
		createService("ratings", "10.96.1.11");
		endpoints("ratings", endpoint("10.21.0.1", true));
		createSyncer("ratings-pods", new EurekaSyncerSpec("export", "RATINGS", List.of(this.ownEureka.url().toString()),
				"ratings", null, "pod", null, new Lease(1, 4), null, null, null));
		eventually().until(() -> upAddresses("RATINGS"), (up) -> up.size() == 1);
		this.ownEureka.stop();

		deleteSyncer("ratings-pods");

		// The finalizer holds while the lease may still be alive in Eureka.
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> syncer("ratings-pods").isPresent());
		eventually().until(() -> syncer("ratings-pods").isEmpty());
	}

}
