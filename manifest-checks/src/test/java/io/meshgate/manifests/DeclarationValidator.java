package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Strict validation of the kinds fabric8 has no model for (Argo CD, CloudNativePG, ECK,
 * the Knative Operator), against the TypeScript declarations that npm packages generate
 * from the upstream Go types and CRDs. Node walks an object and the declared type side by
 * side ({@code src/test/node/validate-against-declarations.mjs}); all objects go through
 * one Node process. The metadata is checked with fabric8's {@link ObjectMeta}.
 */
final class DeclarationValidator {

	/** Must match the keys of {@code src/test/node/kinds.ts}. */
	static final Set<String> TYPES = Set.of("argoproj.io/v1alpha1/Application", "argoproj.io/v1alpha1/ApplicationSet",
			"argoproj.io/v1alpha1/AppProject", "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
			"elasticsearch.k8s.elastic.co/v1/Elasticsearch", "kibana.k8s.elastic.co/v1/Kibana",
			"operator.knative.dev/v1beta1/KnativeServing", "operator.knative.dev/v1beta1/KnativeEventing");

	private static final ObjectMapper JSON = new ObjectMapper();

	private DeclarationValidator() {
	}

	static boolean covers(ManifestObject object) {
		return TYPES.contains(object.type());
	}

	static Map<ManifestObject, List<Violation>> validate(List<ManifestObject> objects) {
		Map<ManifestObject, List<Violation>> result = new IdentityHashMap<>();
		if (objects.isEmpty()) {
			return result;
		}
		Map<String, ManifestObject> byId = new HashMap<>();
		ArrayNode request = JSON.createArrayNode();
		for (ManifestObject object : objects) {
			String id = String.valueOf(byId.size());
			byId.put(id, object);
			ObjectNode body = object.tree().deepCopy();
			body.remove("metadata");
			request.addObject().put("id", id).put("key", object.type()).set("object", body);
			List<Violation> violations = new ArrayList<>(
					TypedModelValidator.validate(object, "metadata", object.tree().path("metadata"), ObjectMeta.class));
			result.put(object, violations);
		}
		for (JsonNode answer : runNode(request)) {
			ManifestObject object = byId.get(answer.path("id").asText());
			for (JsonNode error : answer.path("errors")) {
				result.get(object)
					.add(Violation.of(object, error.path("path").asText(), error.path("message").asText()));
			}
		}
		return result;
	}

	private static JsonNode runNode(ArrayNode request) {
		Path module = Repository.root().resolve("manifest-checks");
		if (!Files.isDirectory(module.resolve("node_modules"))) {
			throw new IllegalStateException("manifest-checks/node_modules is missing: run `npm ci` in manifest-checks "
					+ "(the Maven build does it on its own when the folder is absent)");
		}
		try {
			Path script = module.resolve("src/test/node/validate-against-declarations.mjs");
			Process node = new ProcessBuilder("node", script.toString()).directory(module.toFile()).start();
			node.getOutputStream().write(JSON.writeValueAsBytes(request));
			node.getOutputStream().close();
			byte[] output = node.getInputStream().readAllBytes();
			String error = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
				throw new IllegalStateException("node validation failed: " + error);
			}
			return JSON.readTree(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("node (20 or later) is needed for the Argo CD and CloudNativePG checks", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
