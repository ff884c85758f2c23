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
 * Strimzi's Kafka and KafkaNodePool (kafka/, docs/adr/0011-durable-prod-broker.md) are
 * validated as strictly as every other kind: each broken sample under
 * {@code src/test/resources/broken/strimzi} is caught, naming its file, object and field.
 */
class StrimziValidationTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/strimzi");

	private static Map<ManifestObject, List<Violation>> violations;

	@BeforeAll
	static void validateAllSamples() throws IOException {
		try (Stream<Path> files = Files.list(SAMPLES)) {
			violations = ManifestValidator
				.validateEach(files.flatMap((file) -> Yaml.objects(file.toAbsolutePath()).stream()).toList());
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					kafka-misspelt-field.yaml                | spec.kafka.listener                         | unknown field
					kafka-unknown-listener-type.yaml         | spec.kafka.listeners[0].type                | dropped by the model
					kafka-removed-replicas.yaml              | spec.kafka.replicas                         | not a field of kafka.strimzi.io/v1
					kafkanodepool-quoted-replicas.yaml       | spec.replicas                               | instead of "3"
					kafkanodepool-unknown-storage-field.yaml | spec.storage.volumes[0].sizee               | unknown field
					""")
	void catchesBrokenSample(String sample, String field, String problem) {
		List<Violation> found = violations.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().file().endsWith("broken/strimzi/" + sample))
			.flatMap((entry) -> entry.getValue().stream())
			.toList();
		assertThat(found).as("violations of %s", sample).anySatisfy((violation) -> {
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.problem()).contains(problem);
			assertThat(violation.file()).endsWith(sample);
			assertThat(violation.object()).isEqualTo(violation.object().split(" ")[0] + " kafka/sample");
		});
	}

}
