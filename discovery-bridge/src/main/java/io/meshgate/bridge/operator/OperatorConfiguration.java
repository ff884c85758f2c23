package io.meshgate.bridge.operator;

import java.net.http.HttpClient;
import java.util.Optional;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.meshgate.bridge.eureka.EurekaClient;
import io.meshgate.bridge.reconciler.EurekaSyncerReconciler;
import io.meshgate.bridge.reconciler.SyncerEvents;
import io.meshgate.bridge.reconciler.SyncerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator and what it needs. The operator starts once the application context is
 * ready ({@link OperatorLifecycle}), so that health and metrics are served while the
 * informers fill their caches.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BridgeProperties.class)
class OperatorConfiguration {

	@Bean(destroyMethod = "close")
	KubernetesClient kubernetesClient() {
		// In the pod: the ServiceAccount token and the API server from the environment.
		return new KubernetesClientBuilder().build();
	}

	@Bean
	EurekaClient eurekaClient(BridgeProperties properties) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(properties.eurekaTimeout()).build();
		return new EurekaClient(http, properties.eurekaTimeout());
	}

	@Bean
	EurekaSyncerReconciler eurekaSyncerReconciler(EurekaClient eureka, KubernetesClient client, MeterRegistry registry,
			BridgeProperties properties) {
		return new EurekaSyncerReconciler(eureka, new SyncerEvents(client, properties.instance()),
				new SyncerMetrics(registry), properties.clusterDomain());
	}

	@Bean
	Operator operator(KubernetesClient client, EurekaSyncerReconciler reconciler, MeterRegistry registry,
			BridgeProperties properties) {
		BridgeProperties.LeaderElection election = properties.leaderElection();
		Optional<LeaderElectionConfiguration> leaderElection = election.enabled()
				? Optional.of(new LeaderElectionConfiguration(election.leaseName(), election.leaseNamespace()))
				: Optional.empty();
		return BridgeOperator.create(client, reconciler, registry, properties.watchNamespaces(), properties.retry(),
				leaderElection);
	}

	@Bean
	OperatorLifecycle operatorLifecycle(Operator operator) {
		return new OperatorLifecycle(operator);
	}

	@Bean
	OperatorHealthIndicator operatorHealthIndicator(Operator operator) {
		return new OperatorHealthIndicator(operator);
	}

}
