package io.meshgate.manifests;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Meshgate's workloads of one environment and the policies that guard them. */
final class Mesh {

	/** Istio's explicit protocols that it does not parse as HTTP. */
	private static final Set<String> TCP_PROTOCOLS = Set.of("tcp", "tls", "https", "mongo", "mysql", "redis");

	/**
	 * Ports the sidecar does not intercept: the agent's merged metrics and health (15020,
	 * 15021) and Envoy's own metrics (15090). No policy applies on them.
	 */
	static final Set<Integer> NOT_INTERCEPTED = Set.of(15020, 15021, 15090);

	static final Set<String> MESHGATE_NAMESPACES = Set.of(PlatformRules.NAMESPACE, "discovery-bridge");

	private final List<ManifestObject> objects;

	private final AuthorizationEvaluator evaluator;

	private Mesh(List<ManifestObject> objects) {
		this.objects = objects;
		this.evaluator = new AuthorizationEvaluator(objects);
	}

	static Mesh of(List<ManifestObject> objects) {
		return new Mesh(objects);
	}

	/** The rendered objects and the matrix's platform workloads, which rows may name. */
	static Mesh of(AccessMatrix matrix, List<ManifestObject> objects) {
		return new Mesh(Stream.concat(objects.stream(), matrix.platformObjects().stream()).toList());
	}

	/**
	 * Meshgate's own workloads: the services, and the discovery-bridge operator in a
	 * namespace of its own (docs/adr/0008-discovery-bridge.md). Platform workloads that
	 * run in these namespaces (the database instances) are not among them.
	 */
	List<ManifestObject> workloads() {
		return Workloads.withPodTemplates(this.objects)
			.stream()
			.filter((workload) -> MESHGATE_NAMESPACES.contains(workload.namespace())
					&& !PlatformWorkload.isPlatform(workload))
			.toList();
	}

	/**
	 * The workloads whose every decision the matrix states: Meshgate's, and the platform
	 * workloads this repository's policies close.
	 */
	List<ManifestObject> closedWorkloads() {
		return Stream
			.concat(workloads().stream(), Workloads.of(this.objects).stream().filter(PlatformWorkload::isClosed))
			.toList();
	}

	/**
	 * One of Meshgate's workloads by its app label, else a platform workload by its name.
	 */
	ManifestObject workload(String app) {
		return workloads().stream()
			.filter((workload) -> app.equals(Workloads.podLabels(workload).get("app")))
			.findFirst()
			.or(() -> Workloads.of(this.objects)
				.stream()
				.filter((workload) -> PlatformWorkload.isPlatform(workload) && workload.name().equals(app))
				.findFirst())
			.orElseThrow(() -> new AssertionError("istio/access-matrix.yaml names workload " + app
					+ ", which no overlay renders and no platformWorkloads entry describes"));
	}

	/** Whether a sidecar, and so the policies, stand between a caller and the pod. */
	static boolean hasSidecar(ManifestObject workload) {
		return !"false".equals(Workloads.podLabels(workload).get("sidecar.istio.io/inject"));
	}

	Set<Integer> ports(ManifestObject workload) {
		Set<Integer> ports = new LinkedHashSet<>();
		for (Workloads.Container container : Workloads.containers(workload)) {
			for (JsonNode port : container.spec().path("ports")) {
				ports.add(port.path("containerPort").asInt());
			}
		}
		if (Workloads.isKnativeService(workload)) {
			ports.addAll(Workloads.queueProxyPorts());
		}
		return ports;
	}

	/**
	 * The workload ports Istio proxies as plain TCP: the target of a Service port whose
	 * {@code appProtocol}, or else the name's prefix ({@code tcp-redis}), is an opaque
	 * protocol. On these ports a policy sees connections, not requests. Any other port
	 * counts as HTTP, as before this distinction existed.
	 */
	Set<Integer> tcpPorts(ManifestObject workload) {
		Set<Integer> ports = new LinkedHashSet<>();
		if (!hasSidecar(workload)) {
			// No proxy reads the protocol, and no policy applies (see allows).
			return ports;
		}
		for (ManifestObject service : this.objects) {
			JsonNode selector = service.tree().path("spec").path("selector");
			if (!service.is("Service") || !service.namespace().equals(workload.namespace()) || selector.isEmpty()
					|| !Selectors.matches(selector, Workloads.podLabels(workload))) {
				continue;
			}
			for (JsonNode port : service.tree().path("spec").path("ports")) {
				String protocol = port.has("appProtocol") ? port.path("appProtocol").asText()
						: port.path("name").asText().split("-")[0];
				if (TCP_PROTOCOLS.contains(protocol)) {
					JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
					containerPort(workload, target).ifPresent(ports::add);
				}
			}
		}
		return ports;
	}

	private static Optional<Integer> containerPort(ManifestObject workload, JsonNode reference) {
		for (Workloads.Container container : Workloads.containers(workload)) {
			for (JsonNode port : container.spec().path("ports")) {
				boolean byName = reference.isTextual() && reference.asText().equals(port.path("name").asText());
				if (byName
						|| (reference.canConvertToInt() && reference.asInt() == port.path("containerPort").asInt())) {
					return Optional.of(port.path("containerPort").asInt());
				}
			}
		}
		return Optional.empty();
	}

	Set<String> serviceAccountPrincipals() {
		Set<String> principals = new LinkedHashSet<>();
		this.objects.stream()
			.filter((object) -> object.is("ServiceAccount"))
			.forEach((account) -> principals.add("cluster.local/ns/" + account.namespace() + "/sa/" + account.name()));
		return principals;
	}

	boolean allows(AuthorizationEvaluator.Request request, ManifestObject workload) {
		if (!hasSidecar(workload) || NOT_INTERCEPTED.contains(request.port())) {
			return true;
		}
		return this.evaluator.allows(request,
				new AuthorizationEvaluator.Workload(workload.namespace(), Workloads.podLabels(workload)));
	}

}
