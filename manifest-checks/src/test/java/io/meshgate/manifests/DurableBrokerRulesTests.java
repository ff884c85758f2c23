package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prod's Broker is durable and every Kafka Broker has its platform; each rule rejects its
 * broken samples under {@code src/test/resources/broken/durable-broker}.
 */
class DurableBrokerRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/durable-broker");

	private static final Map<String, Function<List<ManifestObject>, List<Violation>>> RULES = Map.of(
			"Brokers are durable", DurableBrokerRules::brokersAreDurable, "Kafka Brokers have their platform",
			DurableBrokerRules::kafkaBrokersHaveTheirPlatform);

	@Test
	void prodBrokersAreDurable() {
		List<ManifestObject> prod = RepositoryManifests.environment("prod");
		assertThat(prod).anySatisfy((object) -> assertThat(object.is("Broker")).isTrue());
		Violations.assertNone(DurableBrokerRules.brokersAreDurable(prod));
	}

	@TestFactory
	Stream<DynamicTest> everyKafkaBrokerHasItsPlatform() {
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicTest.dynamicTest(env, () -> Violations
				.assertNone(DurableBrokerRules.kafkaBrokersHaveTheirPlatform(RepositoryManifests.environment(env)))));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					broker-in-memory.yaml              | Brokers are durable               | metadata.annotations.eventing.knative.dev/broker.class
					kafka-release-missing.yaml         | Kafka Brokers have their platform | spec.additionalManifests
					kafka-releases-mixed.yaml          | Kafka Brokers have their platform | spec.additionalManifests
					bootstrap-not-a-listener.yaml      | Kafka Brokers have their platform | spec.config.kafka-broker-config.bootstrap.servers
					broker-config-not-set.yaml         | Kafka Brokers have their platform | spec.config
					""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());
		List<Violation> violations = RULES.get(rule).apply(objects);
		BrokenSamples.assertCaught(violations, sample, field);
	}

}
