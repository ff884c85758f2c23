package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACME HTTP-01 issuance through the Istio ingress holds in every environment, and each
 * rule rejects its broken samples under {@code src/test/resources/broken/acme}.
 */
class AcmeIssuanceRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/acme");

	private static final Map<String, Function<List<ManifestObject>, List<Violation>>> RULES = Map.of(
			"HTTP-01 Ingresses are served by Istio", AcmeIssuanceRules::http01IngressesAreServedByIstio,
			"the challenge path is not redirected", AcmeIssuanceRules::challengePathIsNotRedirected);

	@TestFactory
	Stream<DynamicContainer> everyEnvironmentCanIssueItsCertificate() {
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicContainer.dynamicContainer(env, RULES.entrySet()
				.stream()
				.map((rule) -> DynamicTest.dynamicTest(rule.getKey(),
						() -> Violations.assertNone(rule.getValue().apply(RepositoryManifests.environment(env)))))));
	}

	@Test
	void prodIssuesThroughAnHttp01IngressSolver() {
		assertThat(RepositoryManifests.environment("prod"))
			.anySatisfy((object) -> assertThat(object.path("spec.acme.solvers").toString()).contains("http01"));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
							solver-class-missing.yaml           | HTTP-01 Ingresses are served by Istio | spec.acme.solvers[0].http01.ingress.ingressClassName
							solver-class-other-controller.yaml  | HTTP-01 Ingresses are served by Istio | spec.acme.solvers[0].http01.ingress.ingressClassName
							solver-ingress-mode-off.yaml        | HTTP-01 Ingresses are served by Istio | spec.acme.solvers[0].http01.ingress
					solver-gateway-label-mismatch.yaml  | HTTP-01 Ingresses are served by Istio | spec.acme.solvers[0].http01.ingress
							challenge-gateway-redirect.yaml     | the challenge path is not redirected  | spec.servers[0].tls.httpsRedirect
							challenge-route-redirect.yaml       | the challenge path is not redirected  | spec.http[0].redirect
							""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = RULES.get(rule).apply(objects);
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
