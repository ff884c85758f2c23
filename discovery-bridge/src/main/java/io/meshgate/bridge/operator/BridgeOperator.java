package io.meshgate.bridge.operator;

import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.meshgate.bridge.reconciler.EurekaSyncerReconciler;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The JOSDK operator as the application and the tests run it: one wiring, so the tests
 * exercise the configuration that ships.
 */
public final class BridgeOperator {

	private BridgeOperator() {
	}

	/**
	 * An operator with the syncer controller registered, not started.
	 * @param client the Kubernetes client (not closed by the operator)
	 * @param reconciler the syncer reconciler
	 * @param registry where JOSDK's metrics go
	 * @param watchNamespaces the namespaces to watch, all when empty
	 * @param retry the backoff after failures
	 * @param leaderElection the Lease to hold before reconciling, if any
	 * @return the operator
	 */
	public static Operator create(KubernetesClient client, EurekaSyncerReconciler reconciler, MeterRegistry registry,
			Set<String> watchNamespaces, BridgeProperties.Retry retry,
			Optional<LeaderElectionConfiguration> leaderElection) {
		Operator operator = new Operator((overrider) -> {
			overrider.withKubernetesClient(client)
				.withCloseClientOnStop(false)
				// Per-resource meters would multiply with every syncer; SyncerMetrics
				// keeps
				// the one per-syncer number that matters.
				.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
				// The status has a single writer, this controller, so server-side apply's
				// field ownership buys nothing; JSON patches also work on the mock API
				// server
				// the tests use.
				.withUseSSAToPatchPrimaryResource(false);
			leaderElection.ifPresent(overrider::withLeaderElectionConfiguration);
		});
		operator.register(reconciler, (configuration) -> {
			configuration.withRetry(new GenericRetry().withoutMaxAttempts()
				.setInitialInterval(retry.initialInterval().toMillis())
				.setIntervalMultiplier(2)
				.setMaxInterval(retry.maxInterval().toMillis()));
			// The informers of Services, EndpointSlices, Pods and ServiceEntries follow.
			if (!watchNamespaces.isEmpty()) {
				configuration.settingNamespaces(watchNamespaces);
			}
		});
		return operator;
	}

}
