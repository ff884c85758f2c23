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

/**
 * Prometheus reaches every target its monitors name, through Istio's mTLS and the
 * AuthorizationPolicies, and every such scrape is a row of the access matrix; every port
 * an HTTP-level policy rule names is one Istio parses as HTTP.
 */
class MetricsScrapeRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/knative-mesh");

	static Map<String, BiFunction<List<ManifestObject>, AccessMatrix, List<Violation>>> rules() {
		return Map.of("scrapes reach their targets", MetricsScrapeRules::scrapesReachTheirTargets,
				"scrapes are rows of the access matrix", MetricsScrapeRules::scrapesMissingFromTheMatrix,
				"HTTP rules name HTTP ports", MetricsScrapeRules::httpRulePortsAreDeclaredHttp);
	}

	@TestFactory
	Stream<DynamicContainer> everyEnvironmentScrapesThroughTheMesh() {
		AccessMatrix matrix = AccessMatrix.ofRepository();
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicContainer.dynamicContainer(env,
					rules().entrySet()
						.stream()
						.sorted(Map.Entry.comparingByKey())
						.map((rule) -> DynamicTest.dynamicTest(rule.getKey(), () -> Violations
							.assertNone(rule.getValue().apply(RepositoryManifests.environment(env), matrix))))));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					scrape-plain-http-under-strict.yaml   | scrapes reach their targets           | spec.podMetricsEndpoints[0].scheme
					scrape-plain-http-under-strict.yaml   | scrapes reach their targets           | spec.podMetricsEndpoints[0]
					podmonitor-misses-gateway-pods.yaml   | scrapes reach their targets           | spec.namespaceSelector.matchNames[1]
					scrape-without-matrix-row.yaml        | scrapes are rows of the access matrix | spec.podMetricsEndpoints[0]
					http-rule-on-undeclared-port.yaml     | HTTP rules name HTTP ports            | spec.rules[0].to[0].operation.ports[0]
					""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = rules().get(rule).apply(objects, AccessMatrix.ofRepository());
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
