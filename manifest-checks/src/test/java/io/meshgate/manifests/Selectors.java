package io.meshgate.manifests;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Label selectors ({@code matchLabels} style) and label maps. */
final class Selectors {

	private Selectors() {
	}

	/** A missing or empty selector selects everything. */
	static boolean matches(JsonNode selector, Map<String, String> labels) {
		for (Iterator<Map.Entry<String, JsonNode>> fields = selector.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (!field.getValue().asText().equals(labels.get(field.getKey()))) {
				return false;
			}
		}
		return true;
	}

	static Map<String, String> labels(JsonNode labels) {
		Map<String, String> map = new HashMap<>();
		labels.fields().forEachRemaining((field) -> map.put(field.getKey(), field.getValue().asText()));
		return map;
	}

}
