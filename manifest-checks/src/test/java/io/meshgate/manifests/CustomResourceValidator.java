package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Strict validation of the project's own custom resources against the
 * {@code openAPIV3Schema} of the CRD the project commits (and generates, for example
 * discovery-bridge's EurekaSyncer). The walk covers the structural-schema keywords the
 * generated CRDs use: types (an integer written as a string fails), unknown fields
 * (unless {@code x-kubernetes-preserve-unknown-fields}), {@code required}, {@code enum},
 * {@code pattern}, lengths, bounds and item counts. CEL rules
 * ({@code x-kubernetes-validations}) are left to the API server. The metadata goes
 * through fabric8's {@link ObjectMeta}.
 */
final class CustomResourceValidator {

	private static volatile Map<String, JsonNode> schemas;

	private CustomResourceValidator() {
	}

	static boolean covers(ManifestObject object) {
		return schemas().containsKey(object.type());
	}

	static List<Violation> validate(ManifestObject object) {
		List<Violation> violations = new ArrayList<>(
				TypedModelValidator.validate(object, "metadata", object.tree().path("metadata"), ObjectMeta.class));
		ObjectNode body = object.tree().deepCopy();
		body.remove(List.of("apiVersion", "kind", "metadata"));
		new Walk(object, violations).check(body, schemas().get(object.type()), "");
		return violations;
	}

	/**
	 * Every version of every CRD committed beside a kustomization, by apiVersion/kind.
	 */
	private static Map<String, JsonNode> schemas() {
		if (schemas == null) {
			Map<String, JsonNode> found = new HashMap<>();
			for (Path dir : Repository.kustomizations()) {
				for (Path file : yamlFiles(dir)) {
					Yaml.documents(file)
						.stream()
						.filter((tree) -> "CustomResourceDefinition".equals(tree.path("kind").asText()))
						.forEach((crd) -> addVersions(crd, found));
				}
			}
			schemas = found;
		}
		return schemas;
	}

	static void addVersions(JsonNode crd, Map<String, JsonNode> found) {
		JsonNode spec = crd.path("spec");
		for (JsonNode version : spec.path("versions")) {
			String type = spec.path("group").asText() + "/" + version.path("name").asText() + "/"
					+ spec.path("names").path("kind").asText();
			found.put(type, version.path("schema").path("openAPIV3Schema"));
		}
	}

	private static List<Path> yamlFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("customresourcedefinition-"))
				.filter((file) -> file.toString().endsWith(".yaml"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One object beside its schema. */
	private record Walk(ManifestObject object, List<Violation> violations) {

		void check(JsonNode value, JsonNode schema, String path) {
			if (value.isNull() && schema.path("nullable").asBoolean()) {
				return;
			}
			if (!hasType(value, schema)) {
				report(path, "expected " + expectedType(schema) + ", got "
						+ value.getNodeType().toString().toLowerCase() + " " + value);
				return;
			}
			if (value.isObject()) {
				checkObject(value, schema, path);
			}
			else if (value.isArray()) {
				checkArray(value, schema, path);
			}
			else {
				checkScalar(value, schema, path);
			}
		}

		private void checkObject(JsonNode value, JsonNode schema, String path) {
			for (JsonNode required : schema.path("required")) {
				if (!value.has(required.asText())) {
					report(join(path, required.asText()), "required field is missing");
				}
			}
			JsonNode properties = schema.path("properties");
			JsonNode additional = schema.path("additionalProperties");
			boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
			for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				String child = join(path, field.getKey());
				if (properties.has(field.getKey())) {
					check(field.getValue(), properties.get(field.getKey()), child);
				}
				else if (additional.isObject()) {
					check(field.getValue(), additional, child);
				}
				else if (!preserveUnknown) {
					report(child, "unknown field");
				}
			}
		}

		private void checkArray(JsonNode value, JsonNode schema, String path) {
			if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()) {
				report(path, "fewer than " + schema.path("minItems").asInt() + " items");
			}
			if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
				report(path, "more than " + schema.path("maxItems").asInt() + " items");
			}
			for (int i = 0; i < value.size(); i++) {
				check(value.get(i), schema.path("items"), path + "[" + i + "]");
			}
		}

		private void checkScalar(JsonNode value, JsonNode schema, String path) {
			if (schema.has("enum") && !contains(schema.path("enum"), value)) {
				report(path, value + " is not one of " + schema.path("enum"));
			}
			if (value.isTextual()) {
				String text = value.asText();
				if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asText()).matcher(text).find()) {
					report(path, "\"" + text + "\" does not match " + schema.path("pattern").asText());
				}
				if (schema.has("maxLength") && text.length() > schema.path("maxLength").asInt()) {
					report(path, "longer than " + schema.path("maxLength").asInt() + " characters");
				}
				if (schema.has("minLength") && text.length() < schema.path("minLength").asInt()) {
					report(path, "shorter than " + schema.path("minLength").asInt() + " characters");
				}
			}
			if (value.isNumber()) {
				if (schema.has("minimum") && value.asDouble() < schema.path("minimum").asDouble()) {
					report(path, value + " is below the minimum " + schema.path("minimum"));
				}
				if (schema.has("maximum") && value.asDouble() > schema.path("maximum").asDouble()) {
					report(path, value + " is above the maximum " + schema.path("maximum"));
				}
			}
		}

		private static boolean hasType(JsonNode value, JsonNode schema) {
			if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
				return value.isIntegralNumber() || value.isTextual();
			}
			return switch (schema.path("type").asText()) {
				case "object" -> value.isObject();
				case "array" -> value.isArray();
				case "string" -> value.isTextual();
				case "integer" -> value.isIntegralNumber();
				case "number" -> value.isNumber();
				case "boolean" -> value.isBoolean();
				default -> true;
			};
		}

		private static String expectedType(JsonNode schema) {
			return schema.path("x-kubernetes-int-or-string").asBoolean() ? "integer or string"
					: schema.path("type").asText();
		}

		private static boolean contains(JsonNode values, JsonNode value) {
			for (JsonNode candidate : values) {
				if (candidate.equals(value)) {
					return true;
				}
			}
			return false;
		}

		private void report(String path, String problem) {
			this.violations.add(Violation.of(this.object, path, problem));
		}

		private static String join(String path, String name) {
			return path.isEmpty() ? name : path + "." + name;
		}

	}

}
