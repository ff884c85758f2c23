package io.meshgate.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * observability/prometheus/metric-names.tsv names every scraped metric the alert rules
 * and dashboards read, and who exposes it. local-platform's end-to-end test checks the
 * "meshgate" ones against the running services; this keeps the list honest.
 */
class MetricNamesTests {

	static final Path METRIC_NAMES = Repository.root().resolve("observability/prometheus/metric-names.tsv");

	/**
	 * "meshgate" are the services the local platform runs; discovery-bridge needs a
	 * Kubernetes API, so its metrics are listed apart; "prometheus" writes {@code up} for
	 * every target.
	 */
	private static final Set<String> EXPOSERS = Set.of("meshgate", "discovery-bridge", "istio", "knative",
			"cloudnative-pg", "cert-manager", "kube-state-metrics", "prometheus");

	@Test
	void theCommittedListNamesExactlyTheMetricsRulesAndDashboardsRead() throws IOException {
		Map<String, Set<String>> readers = metricReaders();
		Map<String, String> listed = listedMetrics();

		Set<String> unlisted = new TreeSet<>(readers.keySet());
		unlisted.removeAll(listed.keySet());
		Set<String> unread = new TreeSet<>(listed.keySet());
		unread.removeAll(readers.keySet());
		assertThat(unlisted)
			.as("metrics read by rules or dashboards but missing from %s (read by %s)", METRIC_NAMES,
					readersOf(unlisted, readers))
			.isEmpty();
		assertThat(unread).as("metrics in %s that no rule or dashboard reads any more", METRIC_NAMES).isEmpty();
		assertThat(listed).as("exposer of each metric in %s", METRIC_NAMES)
			.allSatisfy((metric, exposer) -> assertThat(EXPOSERS).contains(exposer));
	}

	@Test
	void readersAreFoundInRulesAndDashboardsButNotInRecordedSeries() throws IOException {
		assertThat(metricReaders())
			.containsKeys("http_server_requests_seconds_count", "meshgate_gateway_jwks_fetches_total",
					"istio_requests_total", "kube_pod_container_status_restarts_total")
			.doesNotContainKeys("job:http_server_requests_errors:ratio_rate5m");
	}

	/** Each scraped metric name, with the rules and panels that read it. */
	private static Map<String, Set<String>> metricReaders() throws IOException {
		PrometheusRules rules = PrometheusRules.of(RepositoryManifests.environment("dev"));
		Map<String, Set<String>> readers = new TreeMap<>();
		for (JsonNode rule : rules.rules()) {
			String name = rule.has("alert") ? "alert " + rule.path("alert").asText()
					: "record " + rule.path("record").asText();
			add(readers, rule.path("expr").asText(), name);
		}
		for (GrafanaDashboards.Query query : GrafanaDashboards.queries()) {
			add(readers, PromQl.withoutGrafanaVariables(query.expr()),
					"dashboard " + query.dashboard() + " panel " + query.panel());
		}
		readers.keySet().removeAll(rules.recorded());
		return readers;
	}

	private static Map<String, String> listedMetrics() throws IOException {
		List<String[]> rows = Files.readAllLines(METRIC_NAMES)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("\t"))
			.toList();
		assertThat(rows).as("lines of %s: <metric> TAB <exposed by>", METRIC_NAMES)
			.allSatisfy((row) -> assertThat(row).hasSize(2));
		return rows.stream().collect(Collectors.toMap((row) -> row[0], (row) -> row[1], (a, b) -> {
			throw new AssertionError("metric listed twice in " + METRIC_NAMES);
		}, TreeMap::new));
	}

	private static Map<String, Set<String>> readersOf(Set<String> metrics, Map<String, Set<String>> readers) {
		return metrics.stream().collect(Collectors.toMap(Function.identity(), readers::get));
	}

	private static void add(Map<String, Set<String>> readers, String expression, String reader) {
		for (String metric : PromQl.metricNames(expression)) {
			readers.computeIfAbsent(metric, (name) -> new TreeSet<>()).add(reader);
		}
	}

}
