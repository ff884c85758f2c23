package io.meshgate.manifests;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;

/**
 * Strict validation against the fabric8 typed models (built-in kinds, Istio,
 * cert-manager, Knative) and Strimzi's own (io.strimzi:api). The models are lenient on
 * their own (docs/adr/0002-manifest-validation.md), so three checks are added on top of
 * parsing: an unknown apiVersion/kind parses as {@link GenericKubernetesResource}; an
 * unknown field lands in an {@code additionalProperties} map; and a value the model drops
 * or coerces (a misspelt one-of, an invalid or wrongly cased enum, a string where a
 * number belongs) shows up when the parsed object is written back and compared with the
 * input.
 */
final class TypedModelValidator {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * Models that fabric8's deserializer does not know by apiVersion/kind: Strimzi's jar
	 * registers none.
	 */
	private static final Map<String, Class<?>> UNREGISTERED_MODELS = Map.of("kafka.strimzi.io/v1/Kafka", Kafka.class,
			"kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class);

	/**
	 * Fields the Strimzi 0.51 models still read but kafka.strimzi.io/v1 of the pinned
	 * operator (1.2.0) no longer has (strimzi/strimzi-kafka-operator: KafkaSpec and
	 * KafkaClusterSpec at 0.51.0 and 1.2.0).
	 */
	private static final Map<String, List<String>> REMOVED_FIELDS = Map.of("kafka.strimzi.io/v1/Kafka", List
		.of("spec.zookeeper", "spec.jmxTrans", "spec.kafka.replicas", "spec.kafka.resources", "spec.kafka.storage"));

	private TypedModelValidator() {
	}

	static List<Violation> validate(ManifestObject object) {
		Object typed;
		try {
			typed = MAPPER.treeToValue(object.tree(),
					UNREGISTERED_MODELS.getOrDefault(object.type(), KubernetesResource.class));
		}
		catch (Exception ex) {
			return List.of(Violation.of(object, "", "does not parse: " + firstLine(ex.getMessage())));
		}
		if (typed instanceof GenericKubernetesResource) {
			return List.of(Violation.of(object, "", "no check covers " + object.type()
					+ ": add its model or type declarations (docs/adr/0002-manifest-validation.md)"));
		}
		JsonNode input = object.tree();
		if (UNREGISTERED_MODELS.containsKey(object.type())) {
			// Such a model writes back the apiVersion of its own annotation (Strimzi
			// 0.51:
			// v1beta2); the version was matched by the map key already.
			input = object.tree().deepCopy().without("apiVersion");
		}
		List<Violation> violations = new ArrayList<>(validate(object, input, typed));
		for (String removed : REMOVED_FIELDS.getOrDefault(object.type(), List.of())) {
			if (!object.path(removed).isMissingNode()) {
				violations.add(Violation.of(object, removed, "not a field of " + object.apiVersion()
						+ " (removed in Strimzi 1.0; node pools hold replicas, storage and resources)"));
			}
		}
		return violations;
	}

	/**
	 * Checks a subtree against a typed model object, for example the metadata of a kind
	 * that is otherwise validated elsewhere.
	 */
	static List<Violation> validate(ManifestObject object, String path, JsonNode input, Class<?> model) {
		try {
			Object typed = MAPPER.treeToValue(input, model);
			List<Violation> violations = new ArrayList<>();
			new Walk(object, violations).compare(input, typed, path);
			return violations;
		}
		catch (Exception ex) {
			return List.of(Violation.of(object, path, "does not parse: " + firstLine(ex.getMessage())));
		}
	}

	private static List<Violation> validate(ManifestObject object, JsonNode input, Object typed) {
		List<Violation> violations = new ArrayList<>();
		new Walk(object, violations).compare(input, typed, "");
		return violations;
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse("") : "";
	}

	/** One validation: unknown fields first, then what the model lost on the way back. */
	private static final class Walk {

		private final ManifestObject object;

		private final List<Violation> violations;

		private final Set<String> lenientScalars = new HashSet<>();

		Walk(ManifestObject object, List<Violation> violations) {
			this.object = object;
			this.violations = violations;
		}

		void compare(JsonNode input, Object typed, String path) {
			collectUnknownFields(typed, path);
			compareTrees(input, MAPPER.valueToTree(typed), path);
		}

		private void collectUnknownFields(Object value, String path) {
			if (value == null) {
				return;
			}
			if (value instanceof Quantity || value instanceof IntOrString) {
				// Kubernetes accepts 1 as well as "1" here; the model writes both back as
				// text.
				this.lenientScalars.add(path);
				return;
			}
			if (value instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					collectUnknownFields(list.get(i), path + "[" + i + "]");
				}
				return;
			}
			if (value instanceof Map<?, ?> map) {
				map.forEach((key, child) -> collectUnknownFields(child, join(path, String.valueOf(key))));
				return;
			}
			if (value.getClass().getName().startsWith("io.fabric8.")
					|| value.getClass().getName().startsWith("io.strimzi.")) {
				collectModelFields(value, path);
			}
		}

		private void collectModelFields(Object model, String path) {
			for (Class<?> type = model.getClass(); type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers())) {
						continue;
					}
					Object child = read(field, model);
					if (field.getName().equals("additionalProperties") && child instanceof Map<?, ?> unknown) {
						unknown.keySet().forEach((key) -> report(join(path, String.valueOf(key)), "unknown field"));
					}
					else {
						collectUnknownFields(child, join(path, jsonName(field)));
					}
				}
			}
		}

		private void compareTrees(JsonNode input, JsonNode output, String path) {
			if (input.isObject()) {
				compareObjects(input, output, path);
			}
			else if (input.isArray()) {
				compareArrays(input, output, path);
			}
			else if (!sameScalar(input, output, path)) {
				report(path, "read as " + output + " instead of " + input
						+ ": wrong type or a value outside the allowed set");
			}
		}

		private void compareObjects(JsonNode input, JsonNode output, String path) {
			if (!output.isObject()) {
				report(path, "expected " + output.getNodeType() + ", got an object");
				return;
			}
			for (Iterator<Map.Entry<String, JsonNode>> fields = input.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				String child = join(path, field.getKey());
				if (field.getValue().isNull()) {
					continue;
				}
				if (!output.has(field.getKey())) {
					if (!isReportedUnknown(child)) {
						report(child, "dropped by the model: a misspelt one-of field or an invalid value");
					}
					continue;
				}
				compareTrees(field.getValue(), output.get(field.getKey()), child);
			}
		}

		private void compareArrays(JsonNode input, JsonNode output, String path) {
			if (!output.isArray() || output.size() != input.size()) {
				report(path, "list not read back as given");
				return;
			}
			for (int i = 0; i < input.size(); i++) {
				compareTrees(input.get(i), output.get(i), path + "[" + i + "]");
			}
		}

		private boolean sameScalar(JsonNode input, JsonNode output, String path) {
			if (input.isNumber() && output.isNumber()) {
				return new BigDecimal(input.asText()).compareTo(new BigDecimal(output.asText())) == 0;
			}
			if (input.isNumber() && output.isTextual() && this.lenientScalars.contains(path)) {
				return input.asText().equals(output.asText());
			}
			if (input.isTextual() && output.isTextual() && GoDuration.sameLength(input.asText(), output.asText())) {
				return true;
			}
			return input.getNodeType() == output.getNodeType() && input.asText().equals(output.asText());
		}

		private boolean isReportedUnknown(String path) {
			return this.violations.stream().anyMatch((violation) -> violation.field().equals(path));
		}

		private void report(String path, String problem) {
			this.violations.add(Violation.of(this.object, path, problem));
		}

		private static Object read(Field field, Object owner) {
			try {
				field.setAccessible(true);
				return field.get(owner);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}

		private static String jsonName(Field field) {
			JsonProperty property = field.getAnnotation(JsonProperty.class);
			return (property != null && !property.value().isEmpty()) ? property.value() : field.getName();
		}

		private static String join(String path, String name) {
			return path.isEmpty() ? name : path + "." + name;
		}

	}

}
