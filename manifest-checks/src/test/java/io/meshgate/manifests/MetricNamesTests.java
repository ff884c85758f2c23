package io.meshgate.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists every metric the alert rules and dashboards read, with where, in
 * {@code target/observability/metric-names.txt}: the names to look for in a running
 * Prometheus (docs/observability.md, "Metric names"). Nothing here can tell whether a
 * service really publishes them.
 */
class MetricNamesTests {

	@Test
	void listsTheScrapedMetricsEveryRuleAndDashboardReads() throws IOException {
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
		Path report = Files.createDirectories(Path.of("target", "observability")).resolve("metric-names.txt");
		Files.writeString(report,
				readers.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "\t" + String.join(", ", entry.getValue()))
					.collect(Collectors.joining("\n", "", "\n")));
		assertThat(readers)
			.containsKeys("http_server_requests_seconds_count", "meshgate_gateway_jwks_fetches_total",
					"istio_requests_total", "kube_pod_container_status_restarts_total")
			.doesNotContainKeys("job:http_server_requests_errors:ratio_rate5m");
	}

	private static void add(Map<String, Set<String>> readers, String expression, String reader) {
		for (String metric : PromQl.metricNames(expression)) {
			readers.computeIfAbsent(metric, (name) -> new TreeSet<>()).add(reader);
		}
	}

}
