package io.meshgate.manifests;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The meshgate workloads of one environment and the policies that guard them. */
final class Mesh {

	private final List<ManifestObject> objects;

	private final AuthorizationEvaluator evaluator;

	private Mesh(List<ManifestObject> objects) {
		this.objects = objects;
		this.evaluator = new AuthorizationEvaluator(objects);
	}

	static Mesh of(List<ManifestObject> objects) {
		return new Mesh(objects);
	}

	List<ManifestObject> workloads() {
		return Workloads.of(this.objects)
			.stream()
			.filter((workload) -> workload.namespace().equals(PlatformRules.NAMESPACE))
			.toList();
	}

	ManifestObject workload(String app) {
		return workloads().stream()
			.filter((workload) -> app.equals(Workloads.podLabels(workload).get("app")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"istio/access-matrix.yaml names workload " + app + ", which no overlay renders"));
	}

	Set<Integer> ports(ManifestObject workload) {
		Set<Integer> ports = new LinkedHashSet<>();
		for (Workloads.Container container : Workloads.containers(workload)) {
			for (JsonNode port : container.spec().path("ports")) {
				ports.add(port.path("containerPort").asInt());
			}
		}
		return ports;
	}

	Set<String> serviceAccountPrincipals() {
		Set<String> principals = new LinkedHashSet<>();
		this.objects.stream()
			.filter((object) -> object.is("ServiceAccount"))
			.forEach((account) -> principals.add("cluster.local/ns/" + account.namespace() + "/sa/" + account.name()));
		return principals;
	}

	boolean allows(AuthorizationEvaluator.Request request, ManifestObject workload) {
		return this.evaluator.allows(request,
				new AuthorizationEvaluator.Workload(workload.namespace(), Workloads.podLabels(workload)));
	}

}
