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
 * Every environment names one public host, from {@code environments/<env>}, and each rule
 * rejects its broken samples under {@code src/test/resources/broken/public-host}.
 */
class PublicHostRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/public-host");

	private static final Map<String, Function<List<ManifestObject>, List<Violation>>> RULES = Map.of(
			"issuers name the public host", PublicHostRules::issuersNameThePublicHost,
			"the ingress serves the public host", PublicHostRules::ingressServesThePublicHost,
			"origins and sender are under the public host", PublicHostRules::originsAndSenderAreUnderThePublicHost);

	@TestFactory
	Stream<DynamicContainer> everyEnvironmentAgreesWithItsPublicHost() {
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicContainer.dynamicContainer(env, RULES.entrySet()
				.stream()
				.map((rule) -> DynamicTest.dynamicTest(rule.getKey(),
						() -> Violations.assertNone(rule.getValue().apply(PublicHostRules.environment(env)))))));
	}

	@Test
	void eachEnvironmentHasItsOwnHost() {
		// DNS points a host name at one ingress: two environments cannot share it.
		List<String> hosts = PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> PublicHostRules.host(PublicHostRules.environment(env)).orElseThrow())
			.toList();
		assertThat(hosts).doesNotHaveDuplicates().noneMatch((host) -> host.endsWith(".invalid"));
	}

	@Test
	void theHostIsSetOnlyInTheEnvironmentFolder() {
		// Rendered, the placeholder of the bases is gone: every place got the host.
		for (String env : PlatformRulesTests.ENVIRONMENTS) {
			assertThat(RepositoryManifests.environment(env))
				.noneSatisfy((object) -> assertThat(object.tree().toString()).contains("meshgate.example.invalid"));
		}
	}

	@Test
	void environmentWithoutPublicHostIsReported() {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve("gateway-other-host.yaml").toAbsolutePath())
			.stream()
			.filter((object) -> !object.name().equals(PublicHostRules.SOURCE_NAME))
			.toList();
		assertThat(PublicHostRules.ingressServesThePublicHost(objects)).singleElement()
			.satisfies((violation) -> assertThat(violation.field()).isEqualTo("data.host"));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					issuer-other-host.yaml                  | issuers name the public host                  | data.MESHGATE_SECURITY_ISSUER
					requestauthentication-other-issuer.yaml | issuers name the public host                  | spec.jwtRules[0].issuer
					jwks-other-host.yaml                    | issuers name the public host                  | data.MESHGATE_GATEWAY_SECURITY_JWKSETURI
					gateway-other-host.yaml                 | the ingress serves the public host            | spec.servers[0].hosts[0]
					virtualservice-other-host.yaml          | the ingress serves the public host            | spec.hosts[0]
					certificate-other-host.yaml             | the ingress serves the public host            | spec.dnsNames[0]
					ingress-host-policy-other-host.yaml     | the ingress serves the public host            | spec.rules[0].to[0].operation.notHosts[1]
					cors-origin-other-host.yaml             | origins and sender are under the public host  | data.MESHGATE_GATEWAY_CORS_ALLOWEDORIGINS
					cors-origin-http.yaml                   | origins and sender are under the public host  | data.MESHGATE_GATEWAY_CORS_ALLOWEDORIGINS
					mail-sender-other-domain.yaml           | origins and sender are under the public host  | data.MESHGATE_NOTIFICATION_MAIL_FROM
					""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = RULES.get(rule).apply(objects);
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
