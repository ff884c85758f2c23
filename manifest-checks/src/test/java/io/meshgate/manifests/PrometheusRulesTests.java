package io.meshgate.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert and recording rules of each environment, taken from its rendered
 * PrometheusRule objects, pass {@code promtool check rules} and the unit tests under
 * {@code observability/prometheus/tests}, and every alert is tested both ways and
 * documented.
 */
class PrometheusRulesTests {

	private static final Path UNIT_TESTS = Repository.root().resolve("observability/prometheus/tests");

	private static final Path RUNBOOKS = Repository.root().resolve("docs/observability.md");

	private static final String RUNBOOK_URL = "https://github.com/meshgate/meshgate/blob/main/docs/observability.md#";

	@TestFactory
	Stream<DynamicTest> everyEnvironmentsRulesPassPromtoolCheckAndTheUnitTests() {
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicTest.dynamicTest(env, () -> checkAndTest(env)));
	}

	private static void checkAndTest(String env) throws IOException {
		PrometheusRules rules = PrometheusRules.of(RepositoryManifests.environment(env));
		assertThat(rules.alerts()).as("alerts of %s", env).isNotEmpty();
		Path dir = Files.createDirectories(Path.of("target", "promtool", env));
		rules.write(dir.resolve("rules-with-annotations.yaml"), true);
		Promtool promtool = new Promtool();
		promtool.assertSucceeds(dir, "check", "rules", "rules-with-annotations.yaml");
		// The unit tests name rules.yaml, relative to themselves.
		rules.write(dir.resolve("rules.yaml"), false);
		List<String> testFiles = new ArrayList<>();
		for (Path test : unitTests()) {
			Files.copy(test, dir.resolve(test.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			testFiles.add(test.getFileName().toString());
		}
		List<String> args = new ArrayList<>(List.of("test", "rules"));
		args.addAll(testFiles);
		promtool.assertSucceeds(dir, args.toArray(String[]::new));
	}

	@Test
	void everyAlertFiresInOneTestCaseAndStaysQuietInAnother() throws IOException {
		Map<String, Set<Boolean>> outcomes = new HashMap<>();
		for (Path test : unitTests()) {
			for (JsonNode testCase : Yaml.documents(test).get(0).path("tests")) {
				for (JsonNode check : testCase.path("alert_rule_test")) {
					outcomes.computeIfAbsent(check.path("alertname").asText(), (name) -> new HashSet<>())
						.add(!check.path("exp_alerts").isEmpty());
				}
			}
		}
		for (JsonNode alert : PrometheusRules.of(RepositoryManifests.environment("dev")).alerts()) {
			assertThat(outcomes.get(alert.path("alert").asText()))
				.as("outcomes tested for %s (true: fires, false: does not)", alert.path("alert").asText())
				.containsExactlyInAnyOrder(true, false);
		}
	}

	@Test
	void everyAlertSaysWhatHappenedAndLinksItsRunbook() throws IOException {
		String runbooks = Files.readString(RUNBOOKS);
		for (JsonNode alert : PrometheusRules.of(RepositoryManifests.environment("dev")).alerts()) {
			String name = alert.path("alert").asText();
			JsonNode annotations = alert.path("annotations");
			assertThat(annotations.path("summary").asText()).as("summary of %s", name).isNotBlank();
			assertThat(annotations.path("description").asText()).as("description of %s", name).isNotBlank();
			assertThat(annotations.path("runbook_url").asText()).as("runbook_url of %s", name)
				.isEqualTo(RUNBOOK_URL + name.toLowerCase());
			assertThat(runbooks).as("a section of docs/observability.md for %s", name).contains("\n### " + name + "\n");
		}
	}

	private static List<Path> unitTests() throws IOException {
		try (Stream<Path> files = Files.list(UNIT_TESTS)) {
			return files.filter((file) -> file.toString().endsWith(".test.yaml")).sorted().toList();
		}
	}

}
