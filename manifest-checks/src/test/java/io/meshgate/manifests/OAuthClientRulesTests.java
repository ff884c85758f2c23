package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OAuth clients every environment registers hold, and each rule rejects its broken
 * samples under {@code src/test/resources/broken/oauth-clients}.
 */
class OAuthClientRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/oauth-clients");

	private static final Map<String, Function<List<ManifestObject>, List<Violation>>> RULES = Map.of(
			"redirect URIs are served by the environment", OAuthClientRules::redirectUrisAreServedByTheEnvironment,
			"web-app has a redirect URI", OAuthClientRules::webAppHasARedirectUri,
			"client secrets are not in ConfigMaps", OAuthClientRules::clientSecretsAreNotInConfigMaps);

	@TestFactory
	Stream<DynamicContainer> everyEnvironmentRegistersClientsItServes() {
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicContainer.dynamicContainer(env, RULES.entrySet()
				.stream()
				.map((rule) -> DynamicTest.dynamicTest(rule.getKey(),
						() -> Violations.assertNone(rule.getValue().apply(PublicHostRules.environment(env)))))));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					redirect-uri-http.yaml          | redirect URIs are served by the environment | data.MESHGATE_CLIENTS_WEBAPP_REDIRECTURIS
					redirect-uri-other-host.yaml    | redirect URIs are served by the environment | data.MESHGATE_CLIENTS_WEBAPP_REDIRECTURIS
					redirect-uri-fragment.yaml      | redirect URIs are served by the environment | data.MESHGATE_CLIENTS_WEBAPP_REDIRECTURIS
					web-app-loopback.yaml           | redirect URIs are served by the environment | data.MESHGATE_CLIENTS_WEBAPP_REDIRECTURIS
					post-logout-uri-other-host.yaml | redirect URIs are served by the environment | data.MESHGATE_CLIENTS_WEBAPP_POSTLOGOUTREDIRECTURIS
					cli-localhost.yaml              | redirect URIs are served by the environment | data.MESHGATE_CLIENTS_CLI_REDIRECTURIS
					web-app-without-redirect.yaml   | web-app has a redirect URI                  | data.MESHGATE_CLIENTS_WEBAPP_REDIRECTURIS
					service-secret-in-configmap.yaml | client secrets are not in ConfigMaps       | data.MESHGATE_CLIENTS_SERVICES_0_SECRET
					""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = RULES.get(rule).apply(objects);
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
