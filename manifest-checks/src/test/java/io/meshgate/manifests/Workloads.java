package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The objects that run pods, and what their pod templates say. */
final class Workloads {

	private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

	private static final String KNATIVE_SERVICE = "serving.knative.dev/v1/Service";

	private Workloads() {
	}

	static List<ManifestObject> of(List<ManifestObject> objects) {
		return objects.stream().filter((object) -> KINDS.contains(object.kind())).toList();
	}

	/**
	 * The workloads and the Knative Services: every object whose pod template is written
	 * here. A Knative Service's template sits at the same path as a Deployment's.
	 */
	static List<ManifestObject> withPodTemplates(List<ManifestObject> objects) {
		return objects.stream().filter((object) -> KINDS.contains(object.kind()) || isKnativeService(object)).toList();
	}

	static boolean isKnativeService(ManifestObject object) {
		return object.type().equals(KNATIVE_SERVICE);
	}

	/**
	 * The ports Knative's queue-proxy adds to every pod of a Knative Service: requests
	 * arrive on 8012 (HTTP/1) or 8013 (h2c) and reach the container port over loopback;
	 * 9090 and 9091 serve its metrics.
	 */
	static List<Integer> queueProxyPorts() {
		return List.of(8012, 8013, 9090, 9091);
	}

	static JsonNode podSpec(ManifestObject workload) {
		return workload.tree().path("spec").path("template").path("spec");
	}

	static Map<String, String> podLabels(ManifestObject workload) {
		return Selectors.labels(workload.tree().path("spec").path("template").path("metadata").path("labels"));
	}

	/** Containers and init containers, each with its JSON path for messages. */
	static List<Container> containers(ManifestObject workload) {
		List<Container> containers = new ArrayList<>();
		for (String list : List.of("initContainers", "containers")) {
			JsonNode items = podSpec(workload).path(list);
			for (int i = 0; i < items.size(); i++) {
				containers.add(new Container("spec.template.spec." + list + "[" + i + "]", items.get(i)));
			}
		}
		return containers;
	}

	/**
	 * One container of a pod template.
	 *
	 * @param path its JSON path in the workload
	 * @param spec the container
	 */
	record Container(String path, JsonNode spec) {

		/** A port reference, by name or number, resolves to a declared container port. */
		boolean declaresPort(JsonNode reference) {
			for (JsonNode port : this.spec.path("ports")) {
				boolean byName = reference.isTextual() && reference.asText().equals(port.path("name").asText());
				boolean byNumber = reference.canConvertToInt()
						&& reference.asInt() == port.path("containerPort").asInt();
				if (byName || byNumber) {
					return true;
				}
			}
			return false;
		}

	}

}
