package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule groups of the PrometheusRule objects one cluster receives, as the rule file
 * Prometheus (and promtool) reads.
 *
 * @param groups the groups, in object order
 */
record PrometheusRules(List<JsonNode> groups) {

	static PrometheusRules of(List<ManifestObject> objects) {
		return new PrometheusRules(objects.stream()
			.filter((object) -> object.type().equals("monitoring.coreos.com/v1/PrometheusRule"))
			.flatMap((rule) -> StreamSupport.stream(rule.path("spec.groups").spliterator(), false))
			.toList());
	}

	List<JsonNode> rules() {
		return this.groups.stream()
			.flatMap((group) -> StreamSupport.stream(group.path("rules").spliterator(), false))
			.toList();
	}

	List<JsonNode> alerts() {
		return rules().stream().filter((rule) -> rule.has("alert")).toList();
	}

	/** Names that recording rules define: series Prometheus computes, not scrapes. */
	Set<String> recorded() {
		return rules().stream()
			.filter((rule) -> rule.has("record"))
			.map((rule) -> rule.path("record").asText())
			.collect(Collectors.toSet());
	}

	/**
	 * Writes a rule file.
	 * @param file where
	 * @param withAnnotations {@code false} leaves annotations out, so that unit tests
	 * need only say when an alert fires
	 */
	void write(Path file, boolean withAnnotations) {
		ObjectNode root = Yaml.MAPPER.createObjectNode();
		for (JsonNode group : this.groups) {
			ObjectNode copy = group.deepCopy();
			if (!withAnnotations) {
				copy.path("rules").forEach((rule) -> ((ObjectNode) rule).remove("annotations"));
			}
			root.withArray("groups").add(copy);
		}
		try {
			Yaml.MAPPER.writeValue(file.toFile(), root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
