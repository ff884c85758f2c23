package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingress gateway's policies keep to their listeners: the public one to 80 and 443,
 * the others (Knative's cluster-local gateway) away from them.
 */
class IngressListenerRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/knative-mesh");

	@TestFactory
	Stream<DynamicTest> everyEnvironmentSeparatesTheListeners() {
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicTest.dynamicTest(env, () -> Violations
				.assertNone(IngressListenerRules.policiesKeepToTheirListeners(RepositoryManifests.environment(env)))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					ingress-rule-without-port.yaml               | AuthorizationPolicy istio-ingress/meshgate-ingress      | spec.rules[0].to[0].operation.ports
					ingress-second-policy-opens-public-port.yaml | AuthorizationPolicy istio-ingress/knative-local-gateway | spec.rules[0].to[0].operation.ports
					""")
	void catchesBrokenSample(String sample, String object, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		assertThat(IngressListenerRules.policiesKeepToTheirListeners(objects)).as("violations of %s", sample)
			.anySatisfy((violation) -> {
				assertThat(violation.file()).endsWith(sample);
				assertThat(violation.object()).isEqualTo(object);
				assertThat(violation.field()).isEqualTo(field);
			});
	}

}
