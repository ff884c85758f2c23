package io.meshgate.manifests;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pods a chart or a Knative release installs, as {@code istio/access-matrix.yaml} records
 * them from the pinned upstream source: enough to evaluate the policies and monitors that
 * this repository points at them.
 *
 * @param name the name rows use in {@code to}
 * @param namespace where the pods run
 * @param podLabels their labels
 * @param ports their container ports by name
 * @param sidecar whether Istio injects a sidecar into them
 * @param service the Service in front of them, or null
 * @param closed whether this repository's policies close the pods, so that, as for
 * Meshgate's own workloads, everything the rows do not allow must be denied
 * @param confirmed where these facts were read (repo@tag:path)
 */
record PlatformWorkload(String name, String namespace, Map<String, String> podLabels, Map<String, Integer> ports,
		boolean sidecar, PlatformService service, boolean closed, String confirmed) {

	static final String FILE = "istio/access-matrix.yaml";

	/** Marks the Deployment of a closed platform workload. */
	static final String CLOSED_ANNOTATION = "meshgate.io/access-matrix-closed";

	/**
	 * A Deployment, and its Service if it has one, standing for the installed objects.
	 */
	List<ManifestObject> objects() {
		ObjectNode deployment = object("apps/v1", "Deployment", this.name);
		if (this.closed) {
			((ObjectNode) deployment.path("metadata")).putObject("annotations").put(CLOSED_ANNOTATION, "true");
		}
		ObjectNode labels = deployment.putObject("spec")
			.putObject("template")
			.putObject("metadata")
			.putObject("labels");
		this.podLabels.forEach(labels::put);
		if (!this.sidecar) {
			labels.put("sidecar.istio.io/inject", "false");
		}
		ObjectNode container = ((ObjectNode) deployment.path("spec").path("template")).putObject("spec")
			.putArray("containers")
			.addObject()
			.put("name", this.name);
		ArrayNode containerPorts = container.putArray("ports");
		this.ports.forEach((port, number) -> containerPorts.addObject().put("name", port).put("containerPort", number));
		if (this.service == null) {
			return List.of(new ManifestObject(FILE, deployment));
		}
		ObjectNode service = object("v1", "Service", this.service.name());
		ObjectNode serviceLabels = ((ObjectNode) service.path("metadata")).putObject("labels");
		this.service.labels().forEach(serviceLabels::put);
		ObjectNode spec = service.putObject("spec");
		ObjectNode selector = spec.putObject("selector");
		this.podLabels.forEach(selector::put);
		ArrayNode servicePorts = spec.putArray("ports");
		this.service.ports()
			.forEach((port, target) -> servicePorts.addObject()
				.put("name", port)
				.put("port", target)
				.put("targetPort", target));
		return List.of(new ManifestObject(FILE, deployment), new ManifestObject(FILE, service));
	}

	private ObjectNode object(String apiVersion, String kind, String objectName) {
		ObjectNode object = Yaml.MAPPER.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
		object.putObject("metadata").put("name", objectName).put("namespace", this.namespace);
		return object;
	}

	static boolean isPlatform(ManifestObject object) {
		return object.file().equals(FILE);
	}

	static boolean isClosed(ManifestObject object) {
		return isPlatform(object) && object.path("metadata.annotations").has(CLOSED_ANNOTATION);
	}

	/**
	 * The Service of a platform workload.
	 *
	 * @param name its name
	 * @param labels its labels (what a ServiceMonitor selects)
	 * @param ports its ports by name, each with the container port it targets
	 */
	record PlatformService(String name, Map<String, String> labels, Map<String, Integer> ports) {

		PlatformService {
			labels = (labels != null) ? labels : Map.of();
		}

	}

}
