package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus reaches every CloudNativePG instance's exporter, and the matrix knows every
 * instance; each rule rejects its broken samples under
 * {@code src/test/resources/broken/database-scrape}.
 */
class DatabaseScrapeRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/database-scrape");

	private static final Map<String, BiFunction<List<ManifestObject>, AccessMatrix, List<Violation>>> RULES = Map.of(
			"instances are in the matrix", DatabaseScrapeRules::instancesAreInTheMatrix,
			"network policies admit the scrape",
			(objects, matrix) -> DatabaseScrapeRules.networkPoliciesAdmitTheScrape(objects));

	@TestFactory
	Stream<DynamicContainer> everyEnvironmentsDatabasesAreScraped() {
		AccessMatrix matrix = AccessMatrix.ofRepository();
		return PlatformRulesTests.ENVIRONMENTS.stream().map((env) -> {
			List<ManifestObject> objects = RepositoryManifests.environment(env);
			return DynamicContainer.dynamicContainer(env,
					Stream.concat(
							Stream.of(DynamicTest.dynamicTest("has Clusters",
									() -> assertThat(PlatformRules.ofKind(objects, "Cluster")).isNotEmpty())),
							RULES.entrySet()
								.stream()
								.sorted(Map.Entry.comparingByKey())
								.map((rule) -> DynamicTest.dynamicTest(rule.getKey(),
										() -> Violations.assertNone(rule.getValue().apply(objects, matrix))))));
		});
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			cluster-not-in-matrix.yaml             | instances are in the matrix        | metadata.name
			networkpolicy-fences-out-scrape.yaml   | network policies admit the scrape  | spec.ingress
			networkpolicy-scrape-wrong-port.yaml   | network policies admit the scrape  | spec.ingress
			""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = RULES.get(rule).apply(objects, AccessMatrix.ofRepository());
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
