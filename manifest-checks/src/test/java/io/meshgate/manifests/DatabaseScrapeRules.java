package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prometheus reaches the exporter of every CloudNativePG instance
 * ({@code observability/prometheus/podmonitor-cloudnative-pg.yaml}).
 * <p>
 * The instances run outside the mesh (ADR 0004), so no AuthorizationPolicy guards them:
 * their NetworkPolicies are the fence, and must let the observability namespace in on the
 * exporter's port. The pods are the operator's, not rendered here, so each Cluster has a
 * {@code platformWorkloads} entry in {@code istio/access-matrix.yaml} that the scrape
 * checks ({@link MetricsScrapeRules}) resolve the monitor against; a Cluster without one
 * would be scraped unchecked.
 */
final class DatabaseScrapeRules {

	/**
	 * The instance pods' labels and the exporter's port
	 * (cloudnative-pg/cloudnative-pg@v1.30.0: pkg/utils/labels_annotations.go,
	 * pkg/management/url/url.go).
	 */
	static final String CLUSTER_LABEL = "cnpg.io/cluster";

	static final String POD_ROLE_LABEL = "cnpg.io/podRole";

	static final int METRICS_PORT = 9187;

	private static final String OBSERVABILITY = "observability";

	private DatabaseScrapeRules() {
	}

	/**
	 * Every Cluster's instances are a platform workload of the matrix, as the operator
	 * labels them.
	 */
	static List<Violation> instancesAreInTheMatrix(List<ManifestObject> objects, AccessMatrix matrix) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject cluster : PlatformRules.ofKind(objects, "Cluster")) {
			Map<String, String> labels = instanceLabels(cluster);
			boolean described = matrix.platformWorkloads()
				.stream()
				.anyMatch((workload) -> workload.name().equals(cluster.name())
						&& workload.namespace().equals(cluster.namespace()) && workload.podLabels().equals(labels));
			if (!described) {
				violations.add(Violation.of(cluster, "metadata.name",
						"no platformWorkloads entry of " + PlatformWorkload.FILE + " named " + cluster.name() + " in "
								+ cluster.namespace() + " with the instance pods' labels " + labels));
			}
		}
		return violations;
	}

	/**
	 * Where NetworkPolicies select a Cluster's instances, one of them admits the
	 * observability namespace on the exporter's port.
	 */
	static List<Violation> networkPoliciesAdmitTheScrape(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject cluster : PlatformRules.ofKind(objects, "Cluster")) {
			Map<String, String> labels = instanceLabels(cluster);
			List<ManifestObject> fences = PlatformRules.ofKind(objects, "NetworkPolicy")
				.stream()
				.filter((policy) -> policy.namespace().equals(cluster.namespace())
						&& MetricsScrapeRules.labelSelectorMatches(policy.path("spec.podSelector"), labels))
				.toList();
			if (!fences.isEmpty() && fences.stream().noneMatch(DatabaseScrapeRules::admitsObservability)) {
				violations.add(Violation.of(fences.get(0), "spec.ingress",
						"no ingress rule of the NetworkPolicies selecting the instances of " + cluster.describe()
								+ " admits namespace " + OBSERVABILITY + " on port " + METRICS_PORT
								+ " (observability/prometheus/podmonitor-cloudnative-pg.yaml)"));
			}
		}
		return violations;
	}

	/** Labels the operator puts on a Cluster's instance pods, with its inherited ones. */
	static Map<String, String> instanceLabels(ManifestObject cluster) {
		Map<String, String> labels = new HashMap<>(Selectors.labels(cluster.path("spec.inheritedMetadata.labels")));
		labels.put(CLUSTER_LABEL, cluster.name());
		labels.put(POD_ROLE_LABEL, "instance");
		return labels;
	}

	private static boolean admitsObservability(ManifestObject policy) {
		for (JsonNode rule : policy.path("spec.ingress")) {
			if (anyPeerIsObservability(rule.path("from")) && coversMetricsPort(rule.path("ports"))) {
				return true;
			}
		}
		return false;
	}

	/** A peer of the whole observability namespace (no podSelector narrowing it). */
	private static boolean anyPeerIsObservability(JsonNode peers) {
		for (JsonNode peer : peers) {
			if (peer.has("namespaceSelector") && !peer.has("podSelector")
					&& Selectors.matches(peer.path("namespaceSelector").path("matchLabels"),
							Map.of("kubernetes.io/metadata.name", OBSERVABILITY))) {
				return true;
			}
		}
		return false;
	}

	private static boolean coversMetricsPort(JsonNode ports) {
		if (ports.isEmpty()) {
			return true;
		}
		for (JsonNode port : ports) {
			if (port.path("port").asInt() == METRICS_PORT || port.path("port").asText().equals("metrics")) {
				return true;
			}
		}
		return false;
	}

}
