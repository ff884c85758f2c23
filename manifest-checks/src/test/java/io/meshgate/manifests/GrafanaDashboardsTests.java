package io.meshgate.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards reach Grafana in every environment and ask Prometheus only
 * queries it can parse.
 */
class GrafanaDashboardsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void everyDashboardIsAConfigMapTheGrafanaSidecarPicksUp() {
		assertThat(GrafanaDashboards.files()).as("dashboards").isNotEmpty();
		for (String env : PlatformRulesTests.ENVIRONMENTS) {
			List<ManifestObject> provisioned = RepositoryManifests.environment(env)
				.stream()
				.filter((object) -> object.is("ConfigMap"))
				.filter((object) -> object.label("grafana_dashboard").orElse("").equals("1"))
				.toList();
			for (Path file : GrafanaDashboards.files()) {
				String key = file.getFileName().toString();
				assertThat(provisioned).as("ConfigMap with grafana_dashboard=1 holding %s in %s", key, env)
					.anySatisfy((configMap) -> assertThat(json(configMap.tree().path("data").path(key)))
						.isEqualTo(GrafanaDashboards.read(file)));
			}
		}
	}

	@Test
	void everyDashboardQueryParses() throws IOException {
		List<GrafanaDashboards.Query> queries = GrafanaDashboards.queries();
		assertThat(queries).as("dashboard queries").isNotEmpty();
		// promtool cannot parse a bare query; as recording rules, it parses them all.
		ObjectNode group = Yaml.MAPPER.createObjectNode().put("name", "dashboards");
		for (GrafanaDashboards.Query query : queries) {
			group.withArray("rules")
				.addObject()
				.put("record", query.recordName())
				.put("expr", PromQl.withoutGrafanaVariables(query.expr()));
		}
		Path dir = Files.createDirectories(Path.of("target", "promtool", "dashboards"));
		ObjectNode file = Yaml.MAPPER.createObjectNode();
		file.withArray("groups").add(group);
		Yaml.MAPPER.writeValue(dir.resolve("queries.yaml").toFile(), file);
		new Promtool().assertSucceeds(dir, "check", "rules", "queries.yaml");
	}

	private static JsonNode json(JsonNode text) {
		try {
			return JSON.readTree(text.asText());
		}
		catch (IOException ex) {
			throw new AssertionError("not JSON: " + text, ex);
		}
	}

}
