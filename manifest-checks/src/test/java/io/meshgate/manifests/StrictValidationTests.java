package io.meshgate.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each broken sample under {@code src/test/resources/broken/schema} is caught, with a
 * message naming its file, its object and the field.
 */
class StrictValidationTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/schema");

	private static Map<ManifestObject, List<Violation>> violations;

	@BeforeAll
	static void validateAllSamples() throws IOException {
		// One Node run for every sample that needs it.
		try (Stream<Path> files = Files.list(SAMPLES)) {
			violations = ManifestValidator
				.validateEach(files.flatMap((file) -> Yaml.objects(file.toAbsolutePath()).stream()).toList());
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					deployment-misspelt-field.yaml         | spec.template.spec.containers[0].imagePullPolice | unknown field
					deployment-quoted-number.yaml          | spec.replicas                                    | instead of "2"
					configmap-misspelt-metadata.yaml       | metadata.label                                   | unknown field
					peerauthentication-unknown-enum.yaml   | spec.mtls.mode                                   | dropped by the model
					peerauthentication-lowercase-enum.yaml | spec.mtls.mode                                   | instead of "strict"
					virtualservice-misspelt-one-of.yaml    | spec.http[0].match[0].uri.prefixx                | dropped by the model
					certificate-misspelt-field.yaml        | spec.dnsName                                     | unknown field
					widget-unknown-kind.yaml               | ''                                               | no check covers example.com/v1/Widget
					application-misspelt-field.yaml        | spec.destination.namespce                        | unknown field
					application-string-for-boolean.yaml    | spec.syncPolicy.automated.prune                  | is not one of
					application-misspelt-metadata.yaml     | metadata.annotation                              | unknown field
					cluster-unknown-enum.yaml              | spec.logLevel                                    | "loud" is not one of
					cluster-missing-required.yaml          | spec.backup.barmanObjectStore.destinationPath    | required field is missing
					elasticsearch-misspelt-field.yaml      | spec.nodeSets[0].cout                            | unknown field
					kibana-string-for-number.yaml          | spec.count                                       | expected number
					knativeserving-misspelt-field.yaml     | spec.ingress.istio.enable                        | unknown field
					knativeeventing-boolean-for-string.yaml | spec.config.features.istio                      | expected string, got boolean
					podmonitor-misspelt-field.yaml         | spec.podMetricEndpoints                          | unknown field
					eurekasyncer-misspelt-field.yaml        | spec.servce                                      | unknown field
					eurekasyncer-misspelt-nested-field.yaml | spec.lease.renewalInterval                       | unknown field
					eurekasyncer-string-for-integer.yaml    | spec.port                                        | expected integer, got string
					eurekasyncer-unknown-mode.yaml          | spec.mode                                        | "sidecar" does not match
					eurekasyncer-missing-required.yaml      | spec.appName                                     | required field is missing
					kafka-misspelt-field.yaml                | spec.kafka.listener                             | unknown field
					kafka-unknown-listener-type.yaml         | spec.kafka.listeners[0].type                    | dropped by the model
					kafka-removed-replicas.yaml              | spec.kafka.replicas                             | not a field of kafka.strimzi.io/v1
					kafkanodepool-quoted-replicas.yaml       | spec.replicas                                   | instead of "3"
					kafkanodepool-unknown-storage-field.yaml | spec.storage.volumes[0].sizee                   | unknown field
					""")
	void catchesBrokenSample(String sample, String field, String problem) {
		List<Violation> found = violations.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().file().endsWith("broken/schema/" + sample))
			.flatMap((entry) -> entry.getValue().stream())
			.toList();
		assertThat(found).as("violations of %s", sample).anySatisfy((violation) -> {
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.problem()).contains(problem);
			assertThat(violation.file()).endsWith(sample);
			assertThat(violation.object()).matches("\\w+ (\\S+/)?(sample|default)");
		});
	}

}
