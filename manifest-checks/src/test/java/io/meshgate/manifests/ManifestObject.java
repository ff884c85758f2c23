package io.meshgate.manifests;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Kubernetes object as rendered, with the file it was written in.
 *
 * @param file repository-relative source file (for rendered objects: the file that
 * declares it, followed by the kustomization that rendered it)
 * @param tree the object itself
 */
record ManifestObject(String file, ObjectNode tree) {

	String apiVersion() {
		return this.tree.path("apiVersion").asText();
	}

	String kind() {
		return this.tree.path("kind").asText();
	}

	/** {@code apiVersion/kind}, the key validators are chosen by. */
	String type() {
		return apiVersion() + "/" + kind();
	}

	String name() {
		return this.tree.path("metadata").path("name").asText();
	}

	String namespace() {
		return this.tree.path("metadata").path("namespace").asText("");
	}

	JsonNode path(String dottedPath) {
		JsonNode node = this.tree;
		for (String segment : dottedPath.split("\\.")) {
			node = node.path(segment);
		}
		return node;
	}

	Optional<String> label(String key) {
		JsonNode value = this.tree.path("metadata").path("labels").path(key);
		return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
	}

	boolean is(String kind) {
		return kind().equals(kind);
	}

	String describe() {
		String namespace = namespace().isEmpty() ? "" : namespace() + "/";
		return kind() + " " + namespace + name();
	}

}
