package io.meshgate.bridge.reconciler;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.meshgate.bridge.eureka.EurekaClient;
import io.meshgate.bridge.operator.BridgeOperator;
import io.meshgate.bridge.operator.BridgeProperties;
import io.meshgate.bridge.support.OperatorTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas, one Lease: the standby takes over when the leader goes. The support
 * class's own operator runs without election; the two replicas here elect between them.
 */
class LeaderElectionIntegrationTests extends OperatorTestSupport {

	private static final String LEASE = "discovery-bridge";

	private Operator first;

	private Operator second;

	@AfterEach
	void stopReplicas() {
		for (Operator replica : new Operator[] { this.first, this.second }) {
			if (replica != null) {
				replica.stop();
			}
		}
	}

	@Test
	void standbyReplicaTakesOverWhenTheLeaderStops() {
		// Only the replicas reconcile in this test.
		this.operator.stop();
		this.kubernetes.allowLeaseAccess(NAMESPACE);
		this.first = replica("replica-a");
		this.second = replica("replica-b");
		this.first.start();
		this.second.start();
		createService("catalog", "10.96.3.10");
		endpoints("catalog", endpoint("10.40.0.1", true));
		createSyncer("catalog-pods", exportSpec("CATALOG", "catalog", "pod"));
		eventually().until(() -> upAddresses("CATALOG"), (up) -> up.equals(List.of("10.40.0.1")));
		String leader = holder().orElseThrow();

		Operator leading = leader.equals("replica-a") ? this.first : this.second;
		leading.stop();
		endpoints("catalog", endpoint("10.40.0.2", true));

		eventually().until(() -> upAddresses("CATALOG"), (up) -> up.equals(List.of("10.40.0.2")));
		assertThat(holder()).isPresent().isNotEqualTo(Optional.of(leader));
	}

	private Optional<String> holder() {
		Lease lease = this.client.leases().inNamespace(NAMESPACE).withName(LEASE).get();
		return Optional.ofNullable(lease).map((l) -> l.getSpec().getHolderIdentity());
	}

	private Operator replica(String identity) {
		EurekaSyncerReconciler reconciler = new EurekaSyncerReconciler(
				new EurekaClient(HttpClient.newHttpClient(), Duration.ofSeconds(2)),
				new SyncerEvents(this.client, identity), new SyncerMetrics(new SimpleMeterRegistry()), "cluster.local");
		// Short terms so the test is quick; no exit on losing the Lease, which would end
		// the test JVM.
		LeaderElectionConfiguration election = new LeaderElectionConfiguration(LEASE, NAMESPACE, Duration.ofSeconds(3),
				Duration.ofSeconds(2), Duration.ofMillis(250), identity, null, false);
		return BridgeOperator.create(this.client, reconciler, new SimpleMeterRegistry(), Set.of(NAMESPACE),
				new BridgeProperties.Retry(Duration.ofMillis(200), Duration.ofSeconds(1)), Optional.of(election));
	}

}
