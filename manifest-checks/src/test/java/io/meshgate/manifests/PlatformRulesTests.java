package io.meshgate.manifests;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects each environment's cluster receives agree with each other and with
 * CONTRACTS.md.
 */
class PlatformRulesTests {

	static final List<String> ENVIRONMENTS = List.of("dev", "prod");

	static Map<String, Function<List<ManifestObject>, List<Violation>>> rules() {
		AccessMatrix matrix = AccessMatrix.ofRepository();
		Set<String> outside = new HashSet<>(matrix.platformPrincipals());
		outside.addAll(matrix.pendingPrincipals());
		return Map.ofEntries(
				Map.entry("principals have ServiceAccounts",
						(objects) -> PlatformRules.principalsHaveServiceAccounts(objects, outside)),
				Map.entry("mesh hosts are Services", PlatformRules::hostsHaveServices),
				Map.entry("Services reach workload ports", PlatformRules::servicesReachWorkloads),
				Map.entry("probes target declared ports", PlatformRules::probesTargetDeclaredPorts),
				Map.entry("images and charts are pinned", PlatformRules::versionsArePinned),
				Map.entry("workloads have an ALLOW policy", PlatformRules::workloadsHaveAllowPolicy),
				Map.entry("only the ingress is exposed", PlatformRules::onlyIngressIsExposed),
				Map.entry("Argo CD sources exist", PlatformRules::argoSourcesExist),
				Map.entry("workloads carry the contract labels", PlatformRules::workloadsCarryContractLabels),
				Map.entry("workloads run as their ServiceAccount", PlatformRules::workloadsRunAsTheirServiceAccount),
				Map.entry("workloads are hardened", PlatformRules::workloadsAreHardened),
				Map.entry("no Secret comes from git", PlatformRules::noSecretsInGit),
				Map.entry("database connections are verified", PlatformRules::databaseConnectionsAreVerified));
	}

	@TestFactory
	Stream<DynamicContainer> everyEnvironmentFollowsThePlatformRules() {
		return ENVIRONMENTS.stream()
			.map((env) -> DynamicContainer.dynamicContainer(env,
					rules().entrySet()
						.stream()
						.sorted(Map.Entry.comparingByKey())
						.map((rule) -> DynamicTest.dynamicTest(rule.getKey(), () -> {
							List<ManifestObject> objects = RepositoryManifests.environment(env);
							assertThat(objects).as("objects of %s", env).isNotEmpty();
							Violations.assertNone(rule.getValue().apply(objects));
						}))));
	}

	@Test
	void servicesMayFrontTheIngressGatewayPodsItsChartInstalls() {
		List<ManifestObject> objects = Yaml.documents("""
				apiVersion: v1
				kind: Service
				metadata: {name: knative-local-gateway, namespace: istio-ingress}
				spec:
				  selector: {istio: ingressgateway}
				  ports: [{name: http2, port: 80, targetPort: 8081}]
				""").stream().map((tree) -> new ManifestObject("test", tree)).toList();

		assertThat(PlatformRules.servicesReachWorkloads(objects)).isEmpty();
	}

}
