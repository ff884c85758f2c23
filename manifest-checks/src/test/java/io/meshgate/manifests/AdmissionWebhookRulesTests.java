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
 * Every admission webhook of the pinned Knative releases ({@code knative/webhooks.yaml})
 * accepts the API server's plaintext where sidecars are injected.
 */
class AdmissionWebhookRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/knative-mesh");

	@TestFactory
	Stream<DynamicTest> everyEnvironmentLetsTheApiServerReachItsWebhooks() {
		AdmissionWebhooks webhooks = AdmissionWebhooks.ofRepository();
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicTest.dynamicTest(env, () -> Violations.assertNone(
					AdmissionWebhookRules.webhooksAcceptTheApiServer(RepositoryManifests.environment(env), webhooks))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					webhook-namespace-without-peerauthentication.yaml | Namespace knative-eventing                                  | metadata.labels    | inmemorychannel-webhook
					webhook-port-not-permissive.yaml                  | PeerAuthentication knative-eventing/inmemorychannel-webhook | spec.portLevelMtls | inmemorychannel-webhook
					kafka-webhook-port-strict.yaml                    | PeerAuthentication knative-eventing/kafka-webhook-eventing  | spec.portLevelMtls | kafka-webhook-eventing
					""")
	void catchesBrokenSample(String sample, String object, String field, String webhook) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = AdmissionWebhookRules.webhooksAcceptTheApiServer(objects,
				AdmissionWebhooks.ofRepository());
		assertThat(violations).as("violations of %s", sample).anySatisfy((violation) -> {
			assertThat(violation.file()).endsWith(sample);
			assertThat(violation.object()).isEqualTo(object);
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.problem()).contains("webhook Service knative-eventing/" + webhook + " ");
		});
	}

}
