package io.meshgate.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the logging setup Job installs (observability/logging): the mapping of the log
 * fields of CONTRACTS.md, the retention of each environment, and Kibana's search by trace
 * id. Whether Elasticsearch and Kibana accept them is not checked here (no cluster).
 */
class LoggingSetupTests {

	private static final Path LOGGING = Repository.root().resolve("observability/logging");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void indexTemplateMapsTheLogFieldsOfTheContracts() throws IOException {
		JsonNode template = JSON.readTree(LOGGING.resolve("index-template.json").toFile());
		assertThat(template.path("index_patterns").toString()).contains("meshgate-logs-*");
		assertThat(template.path("template").path("settings").path("index.lifecycle.name").asText())
			.isEqualTo("meshgate-logs");
		JsonNode fields = template.path("template").path("mappings").path("properties");
		Map<String, String> expected = Map.ofEntries(Map.entry("@timestamp", "date"), Map.entry("level", "keyword"),
				Map.entry("logger", "keyword"), Map.entry("message", "text"), Map.entry("service", "keyword"),
				Map.entry("traceId", "keyword"), Map.entry("spanId", "keyword"), Map.entry("stack_trace", "text"),
				Map.entry("method", "keyword"), Map.entry("path", "keyword"), Map.entry("route", "keyword"),
				Map.entry("status", "integer"), Map.entry("durationMs", "long"), Map.entry("bytesOut", "long"),
				Map.entry("clientIp", "ip"), Map.entry("userId", "keyword"), Map.entry("userAgent", "keyword"),
				Map.entry("thread", "keyword"), Map.entry("tags", "keyword"), Map.entry("eventId", "keyword"),
				Map.entry("eventSource", "keyword"), Map.entry("reviewId", "keyword"), Map.entry("outcome", "keyword"));
		expected
			.forEach((field, type) -> assertThat(fields.path(field).path("type").asText()).as("mapping of %s", field)
				.isEqualTo(type));
	}

	/**
	 * Every key a service adds to a log line ({@code addKeyValue("eventId", ...)} in
	 * SLF4J's fluent API, {@code keyValue("status", ...)} in the gateway's access log)
	 * has a mapping: Kibana searches it by the type the template gives it, not by
	 * whatever the first line guessed.
	 */
	@Test
	void indexTemplateMapsEveryKeyTheServicesAddToTheirLines() throws IOException {
		Pattern logKey = Pattern.compile("\\b(?:addKeyValue|keyValue)\\(\"([A-Za-z_]+)\"");
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Repository.root())) {
			for (Path source : files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> file.toString().contains("/src/main/java/"))
				.toList()) {
				logKey.matcher(Files.readString(source)).results().forEach((match) -> keys.add(match.group(1)));
			}
		}
		JsonNode fields = JSON.readTree(LOGGING.resolve("index-template.json").toFile())
			.path("template")
			.path("mappings")
			.path("properties");
		assertThat(keys).contains("eventId", "durationMs")
			.allSatisfy((key) -> assertThat(fields.has(key)).as("index-template.json maps %s", key).isTrue());
	}

	@Test
	void logsAreKeptSevenDaysInDevAndThirtyInProd() throws IOException {
		assertThat(deleteAfter("dev")).isEqualTo("7d");
		assertThat(deleteAfter("prod")).isEqualTo("30d");
	}

	@Test
	void kibanaSearchesTheLogIndicesByTraceId() throws IOException {
		List<JsonNode> objects = Files.readAllLines(LOGGING.resolve("kibana-saved-objects.ndjson"))
			.stream()
			.filter((line) -> !line.isBlank())
			.map(LoggingSetupTests::json)
			.toList();
		JsonNode dataView = objects.stream()
			.filter((object) -> object.path("type").asText().equals("index-pattern"))
			.findFirst()
			.orElseThrow();
		assertThat(dataView.path("attributes").path("title").asText()).isEqualTo("meshgate-logs-*");
		assertThat(dataView.path("attributes").path("timeFieldName").asText()).isEqualTo("@timestamp");
		JsonNode search = objects.stream()
			.filter((object) -> object.path("type").asText().equals("search"))
			.findFirst()
			.orElseThrow();
		assertThat(search.path("references").findValuesAsText("id")).containsExactly(dataView.path("id").asText());
		assertThat(search.path("attributes").path("columns").toString()).contains("\"traceId\"");
		JsonNode source = json(
				search.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
		assertThat(source.path("query").path("query").asText()).startsWith("traceId");
	}

	/**
	 * Developers sign into Kibana with the role meshgate-logs-reader, not as the
	 * superuser elastic (docs/security.md): it reads the log indices and nothing else,
	 * and gives Kibana's read-only base privilege. The Job of every environment installs
	 * it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void setupInstallsAReadOnlyRoleForTheLogIndices(String env) throws IOException {
		JsonNode data = loggingSetup(env).tree().path("data");
		assertThat(data.path("setup.sh").asText()).contains("/api/security/role/meshgate-logs-reader")
			.contains("@/setup/kibana-role-meshgate-logs-reader.json");
		JsonNode role = JSON.readTree(data.path("kibana-role-meshgate-logs-reader.json").asText());
		assertThat(role.path("elasticsearch").path("cluster")).isEmpty();
		JsonNode indices = role.path("elasticsearch").path("indices");
		assertThat(indices).hasSize(1);
		assertThat(indices.get(0).path("names").toString()).isEqualTo("[\"meshgate-logs-*\"]");
		assertThat(JSON.convertValue(indices.get(0).path("privileges"), String[].class))
			.containsExactlyInAnyOrder("read", "view_index_metadata");
		JsonNode kibana = role.path("kibana");
		assertThat(kibana).hasSize(1);
		assertThat(JSON.convertValue(kibana.get(0).path("base"), String[].class)).containsExactly("read");
		assertThat(kibana.get(0).has("feature")).as("feature privileges beside base").isFalse();
	}

	private static String deleteAfter(String env) throws IOException {
		JsonNode policy = JSON.readTree(loggingSetup(env).tree().path("data").path("ilm-policy.json").asText());
		return policy.path("policy").path("phases").path("delete").path("min_age").asText();
	}

	private static ManifestObject loggingSetup(String env) {
		return RepositoryManifests.environment(env)
			.stream()
			.filter((object) -> object.is("ConfigMap") && object.name().startsWith("logging-setup-"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no ConfigMap logging-setup in " + env));
	}

	private static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (IOException ex) {
			throw new AssertionError("not JSON: " + text, ex);
		}
	}

}
