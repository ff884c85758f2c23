package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prod's Broker keeps events in Kafka (docs/adr/0011-durable-prod-broker.md), and a Kafka
 * Broker has what it needs in the same bundle: Knative's Kafka control and data plane of
 * one release, a bootstrap server that is a listener of a Strimzi cluster, and its
 * admission webhook reachable by the API server under STRICT mTLS.
 */
final class DurableBrokerRules {

	static final String BROKER_CLASS = "eventing.knative.dev/broker.class";

	static final String KAFKA_CLASS = "Kafka";

	static final String CLASS_FIELD = "metadata.annotations." + BROKER_CLASS;

	/** The release artifacts of eventing-kafka-broker (hack/artifacts-env.sh). */
	private static final Pattern KAFKA_ARTIFACT = Pattern.compile(
			"https://github\\.com/knative-extensions/eventing-kafka-broker/releases/download/([^/]+)/eventing-kafka-(controller|broker)\\.yaml");

	/**
	 * Strimzi's bootstrap Service: {@code <cluster>-kafka-bootstrap} (KafkaResources).
	 */
	private static final Pattern BOOTSTRAP = Pattern
		.compile("([a-z0-9-]+)-kafka-bootstrap\\.([a-z0-9-]+)\\.svc(?:\\.cluster\\.local)?:(\\d+)");

	private DurableBrokerRules() {
	}

	/** Every Broker of the environment is of the Kafka class. */
	static List<Violation> brokersAreDurable(List<ManifestObject> objects) {
		return objects.stream()
			.filter(DurableBrokerRules::isBroker)
			.filter((broker) -> !KAFKA_CLASS.equals(brokerClass(broker)))
			.map((broker) -> Violation.of(broker, CLASS_FIELD,
					"class " + brokerClass(broker)
							+ " keeps in-flight events in memory: prod's Broker is of class Kafka (ADR 0011)"))
			.toList();
	}

	/**
	 * A Kafka Broker's platform is in the bundle: the KnativeEventing installs the Kafka
	 * controller and broker of one release, configures the ConfigMap the Broker names
	 * with a bootstrap server that is a Strimzi listener. (Its webhook is one of
	 * knative/webhooks.yaml, checked by AdmissionWebhookRules.)
	 */
	static List<Violation> kafkaBrokersHaveTheirPlatform(List<ManifestObject> objects) {
		List<ManifestObject> brokers = objects.stream()
			.filter(DurableBrokerRules::isBroker)
			.filter((broker) -> KAFKA_CLASS.equals(brokerClass(broker)))
			.toList();
		if (brokers.isEmpty()) {
			return List.of();
		}
		Optional<ManifestObject> eventing = objects.stream()
			.filter((object) -> object.is("KnativeEventing"))
			.findFirst();
		if (eventing.isEmpty()) {
			return brokers.stream()
				.map((broker) -> Violation.of(broker, CLASS_FIELD, "no KnativeEventing in this environment"))
				.toList();
		}
		List<Violation> violations = new ArrayList<>(kafkaReleaseProblems(eventing.get()));
		for (ManifestObject broker : brokers) {
			String configMap = broker.path("spec.config.name").asText("");
			JsonNode config = eventing.get().path("spec.config").path(configMap);
			if (configMap.isEmpty() || !config.has("bootstrap.servers")) {
				violations.add(Violation.of(broker, "spec.config",
						"names no ConfigMap whose bootstrap.servers the KnativeEventing's spec.config sets"));
				continue;
			}
			String field = "spec.config." + configMap + ".bootstrap.servers";
			for (String server : config.path("bootstrap.servers").asText().split(",")) {
				bootstrapProblem(objects, server.strip())
					.ifPresent((problem) -> violations.add(Violation.of(eventing.get(), field, problem)));
			}
		}
		return violations;
	}

	private static List<Violation> kafkaReleaseProblems(ManifestObject eventing) {
		List<String> releases = new ArrayList<>();
		List<String> artifacts = new ArrayList<>();
		for (JsonNode manifest : eventing.path("spec.additionalManifests")) {
			Matcher matcher = KAFKA_ARTIFACT.matcher(manifest.path("URL").asText());
			if (matcher.matches()) {
				releases.add(matcher.group(1));
				artifacts.add(matcher.group(2));
			}
		}
		if (!artifacts.containsAll(List.of("controller", "broker"))) {
			return List.of(Violation.of(eventing, "spec.additionalManifests",
					"a Kafka Broker needs eventing-kafka-controller.yaml and eventing-kafka-broker.yaml "
							+ "of eventing-kafka-broker's release"));
		}
		if (releases.stream().distinct().count() > 1) {
			return List.of(Violation.of(eventing, "spec.additionalManifests",
					"the Kafka controller and broker come from different releases " + releases));
		}
		return List.of();
	}

	private static Optional<String> bootstrapProblem(List<ManifestObject> objects, String server) {
		Matcher matcher = BOOTSTRAP.matcher(server);
		if (!matcher.matches()) {
			return Optional
				.of(server + " is not a Strimzi bootstrap Service (<cluster>-kafka-bootstrap.<namespace>.svc)");
		}
		String cluster = matcher.group(1);
		String namespace = matcher.group(2);
		int port = Integer.parseInt(matcher.group(3));
		Optional<ManifestObject> kafka = objects.stream()
			.filter((object) -> object.is("Kafka") && object.apiVersion().startsWith("kafka.strimzi.io/"))
			.filter((object) -> object.name().equals(cluster) && object.namespace().equals(namespace))
			.findFirst();
		if (kafka.isEmpty()) {
			return Optional.of("no Strimzi Kafka " + namespace + "/" + cluster + " in this environment");
		}
		for (JsonNode listener : kafka.get().path("spec.kafka.listeners")) {
			if (listener.path("port").asInt() == port && listener.path("type").asText().equals("internal")
					&& !listener.path("tls").asBoolean(false)) {
				return Optional.empty();
			}
		}
		return Optional.of("Kafka " + namespace + "/" + cluster + " has no internal plain listener on " + port
				+ " (the mesh encrypts it; kafka-broker-config sets no TLS or SASL)");
	}

	private static boolean isBroker(ManifestObject object) {
		return object.is("Broker") && object.apiVersion().startsWith("eventing.knative.dev/");
	}

	private static String brokerClass(ManifestObject broker) {
		return broker.tree().path("metadata").path("annotations").path(BROKER_CLASS).asText("MTChannelBasedBroker");
	}

}
