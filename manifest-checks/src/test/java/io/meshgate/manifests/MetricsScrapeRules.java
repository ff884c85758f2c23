package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prometheus scrapes inside a STRICT mTLS mesh, and policies that read HTTP.
 * <p>
 * A PodMonitor or ServiceMonitor endpoint resolves to pods (rendered here, or a platform
 * workload of {@code istio/access-matrix.yaml}) and a port. Where a sidecar intercepts
 * that port, Prometheus must present its workload certificate (scrape class
 * {@value #ISTIO_MTLS}, scheme https) and the pod's AuthorizationPolicies must let its
 * identity {@value #PROMETHEUS} GET the path; where nothing intercepts it (no sidecar, or
 * the agent's own ports), the scrape is plain HTTP.
 * <p>
 * Istio reads methods and paths only on a port it parses as HTTP, and it knows a port's
 * protocol only from a Service that declares it ({@code appProtocol}, or the port name's
 * prefix). A rule naming methods or paths on a port no Service declares HTTP never
 * matches: the port is proxied as TCP.
 */
final class MetricsScrapeRules {

	static final String PROMETHEUS = "cluster.local/ns/observability/sa/prometheus";

	static final String ISTIO_MTLS = "istio-mtls";

	private static final Set<String> HTTP_PROTOCOLS = Set.of("http", "http2", "grpc", "kubernetes.io/h2c");

	private static final Set<String> HTTP_FIELDS = Set.of("methods", "notMethods", "paths", "notPaths");

	/** The label Knative puts on every pod of a Knative Service's revisions. */
	private static final String KNATIVE_SERVICE_LABEL = "serving.knative.dev/service";

	/**
	 * Knative renames a Knative Service's one container port
	 * {@value} (knative/serving@knative-v1.22.1:pkg/apis/serving/v1/revision_helpers.go).
	 */
	private static final String KNATIVE_USER_PORT = "user-port";

	/**
	 * The HTTP ports of the queue-proxy that Knative's private revision Service declares:
	 * http (8012), http-autometric (9090), http-usermetric (9091)
	 * (knative/serving@knative-v1.22.1:pkg/reconciler/serverlessservice/resources/services.go).
	 */
	private static final Set<Integer> KNATIVE_HTTP_PORTS = Set.of(8012, 9090, 9091);

	private static final Pattern ADDRESS_PORT = Pattern.compile("\\$1:(\\d+)");

	/**
	 * Envoy's metrics port and the labels Istio's sidecar injection adds to a pod
	 * (istio/istio@1.30.3:manifests/charts/istio-control/istio-discovery/files/injection-template.yaml).
	 * A platform workload lists what its pods carry after injection itself.
	 */
	private static final String ENVOY_PROM_PORT_NAME = "http-envoy-prom";

	private static final int ENVOY_PROM_PORT = 15090;

	private static final List<String> INJECTED_LABELS = List.of("security.istio.io/tlsMode",
			"service.istio.io/canonical-name");

	private MetricsScrapeRules() {
	}

	/**
	 * One scrape: a monitor's endpoint on the pods of one workload.
	 *
	 * @param monitor the PodMonitor or ServiceMonitor
	 * @param field the endpoint's JSON path
	 * @param workload the scraped workload
	 * @param port the port Prometheus connects to
	 * @param path the HTTP path it gets
	 * @param istioMtls whether it presents the Istio workload certificate
	 */
	record Scrape(ManifestObject monitor, String field, ManifestObject workload, int port, String path,
			boolean istioMtls) {

		/** The name access-matrix rows use for the workload. */
		String to() {
			return PlatformWorkload.isPlatform(this.workload) ? this.workload.name()
					: Workloads.podLabels(this.workload).getOrDefault("app", this.workload.name());
		}

		boolean intercepted() {
			return Mesh.hasSidecar(this.workload) && !Mesh.NOT_INTERCEPTED.contains(this.port);
		}

		AccessMatrix.Row row() {
			return new AccessMatrix.Row(PROMETHEUS, null, to(), this.port, "GET", this.path, null, true);
		}

	}

	/** Every scrape uses the TLS its target needs, and the policies let Prometheus in. */
	static List<Violation> scrapesReachTheirTargets(List<ManifestObject> objects, AccessMatrix matrix) {
		List<Violation> violations = new ArrayList<>();
		Mesh mesh = Mesh.of(matrix, objects);
		for (Scrape scrape : scrapes(objects, matrix, violations)) {
			String target = scrape.workload().describe() + " port " + scrape.port();
			if (scrape.intercepted() && !scrape.istioMtls()) {
				violations.add(Violation.of(scrape.monitor(), scrape.field() + ".scheme",
						target + " is behind a STRICT mTLS sidecar: scrape it with scrapeClass " + ISTIO_MTLS
								+ " and scheme https"));
			}
			else if (!scrape.intercepted() && scrape.istioMtls()) {
				violations.add(Violation.of(scrape.monitor(), scrape.field() + ".scheme",
						target + " is not behind a sidecar: it serves plain HTTP, not Istio's mTLS"));
			}
			AuthorizationEvaluator.Request request = new AuthorizationEvaluator.Request(PROMETHEUS, "", scrape.port(),
					"GET", scrape.path());
			if (!mesh.allows(request, scrape.workload())) {
				violations.add(Violation.of(scrape.monitor(), scrape.field(),
						"the AuthorizationPolicies of " + target + " refuse " + PROMETHEUS + " GET " + scrape.path()));
			}
		}
		return violations;
	}

	/**
	 * Every scrape is an allowed row of the access matrix, so the matrix tells the whole
	 * story.
	 */
	static List<Violation> scrapesMissingFromTheMatrix(List<ManifestObject> objects, AccessMatrix matrix) {
		List<Violation> violations = new ArrayList<>();
		for (Scrape scrape : scrapes(objects, matrix, new ArrayList<>())) {
			AccessMatrix.Row row = scrape.row();
			boolean allowed = matrix.decisive(row.from(), row.to(), row.port(), row.method(), row.path())
				.map(AccessMatrix.Row::allowed)
				.orElse(false);
			if (!allowed) {
				violations.add(Violation.of(scrape.monitor(), scrape.field(),
						"no row of " + PlatformWorkload.FILE + " allows " + row.call()));
			}
		}
		return violations;
	}

	/**
	 * Every port that an AuthorizationPolicy rule names together with methods or paths is
	 * declared HTTP by a Service selecting the pods the policy applies to.
	 */
	static List<Violation> httpRulePortsAreDeclaredHttp(List<ManifestObject> objects, AccessMatrix matrix) {
		List<ManifestObject> all = withPlatform(objects, matrix);
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject policy : PlatformRules.ofKind(objects, "AuthorizationPolicy")) {
			JsonNode selector = policy.path("spec.selector.matchLabels");
			List<ManifestObject> targets = Workloads.withPodTemplates(all)
				.stream()
				.filter((workload) -> workload.namespace().equals(policy.namespace())
						&& Selectors.matches(selector, podLabels(workload)))
				.toList();
			JsonNode rules = policy.path("spec.rules");
			for (int r = 0; r < rules.size(); r++) {
				JsonNode to = rules.get(r).path("to");
				for (int t = 0; t < to.size(); t++) {
					JsonNode operation = to.get(t).path("operation");
					if (HTTP_FIELDS.stream().noneMatch(operation::has)) {
						continue;
					}
					JsonNode ports = operation.path("ports");
					for (int p = 0; p < ports.size(); p++) {
						int port = ports.get(p).asInt();
						for (ManifestObject workload : targets) {
							if (sidecarReadsServices(workload) && !declaredHttp(all, workload, port)) {
								violations.add(Violation.of(policy,
										"spec.rules[" + r + "].to[" + t + "].operation.ports[" + p + "]",
										"port " + port + " of " + workload.describe()
												+ " is in no Service as HTTP (appProtocol http, or a port name "
												+ "http-*): Istio proxies it as TCP and this rule never matches"));
							}
						}
					}
				}
			}
		}
		return violations;
	}

	/**
	 * A sidecar takes a port's protocol from the Services; a gateway's listener from its
	 * Gateway server (HTTP, or HTTPS it terminates), so the ingress gateway's pods are
	 * left out, as PlatformRules leaves out the Services in front of them.
	 */
	private static boolean sidecarReadsServices(ManifestObject workload) {
		return Mesh.hasSidecar(workload) && !workload.namespace().equals(PlatformRules.INGRESS_NAMESPACE);
	}

	static List<Scrape> scrapes(List<ManifestObject> objects, AccessMatrix matrix, List<Violation> unresolved) {
		List<ManifestObject> all = withPlatform(objects, matrix);
		List<Scrape> scrapes = new ArrayList<>();
		for (ManifestObject monitor : PlatformRules.ofKind(objects, "PodMonitor")) {
			List<ManifestObject> pods = selectedPods(all, monitor);
			JsonNode names = monitor.path("spec.namespaceSelector.matchNames");
			for (int n = 0; n < names.size(); n++) {
				String namespace = names.get(n).asText();
				if (pods.stream().noneMatch((pod) -> pod.namespace().equals(namespace))) {
					unresolved.add(Violation.of(monitor, "spec.namespaceSelector.matchNames[" + n + "]",
							"no pod known in " + namespace + " carries the labels spec.selector asks for"));
				}
			}
			JsonNode endpoints = monitor.path("spec.podMetricsEndpoints");
			for (int e = 0; e < endpoints.size(); e++) {
				String field = "spec.podMetricsEndpoints[" + e + "]";
				JsonNode endpoint = endpoints.get(e);
				List<Scrape> found = new ArrayList<>();
				for (ManifestObject workload : pods) {
					containerPort(workload, endpoint.path("port").asText())
						.ifPresent((port) -> found.add(scrape(monitor, field, workload, port, endpoint)));
				}
				addOrReport(monitor, field, found, scrapes, unresolved);
			}
		}
		for (ManifestObject monitor : PlatformRules.ofKind(objects, "ServiceMonitor")) {
			List<ManifestObject> services = selected(PlatformRules.ofKind(all, "Service"), monitor, false);
			JsonNode endpoints = monitor.path("spec.endpoints");
			for (int e = 0; e < endpoints.size(); e++) {
				String field = "spec.endpoints[" + e + "]";
				JsonNode endpoint = endpoints.get(e);
				List<Scrape> found = new ArrayList<>();
				for (ManifestObject service : services) {
					for (JsonNode servicePort : service.path("spec.ports")) {
						if (!servicePort.path("name").asText().equals(endpoint.path("port").asText())) {
							continue;
						}
						JsonNode target = servicePort.has("targetPort") ? servicePort.get("targetPort")
								: servicePort.get("port");
						for (ManifestObject workload : podsOf(all, service)) {
							containerPort(workload, target.asText())
								.ifPresent((port) -> found.add(scrape(monitor, field, workload, port, endpoint)));
						}
					}
				}
				addOrReport(monitor, field, found, scrapes, unresolved);
			}
		}
		return scrapes;
	}

	private static void addOrReport(ManifestObject monitor, String field, List<Scrape> found, List<Scrape> scrapes,
			List<Violation> unresolved) {
		if (found.isEmpty()) {
			unresolved.add(Violation.of(monitor, field, "scrapes no pod known here: no rendered workload and no "
					+ "platformWorkloads entry of " + PlatformWorkload.FILE + " has this port behind the selector"));
		}
		scrapes.addAll(found);
	}

	private static Scrape scrape(ManifestObject monitor, String field, ManifestObject workload, int declaredPort,
			JsonNode endpoint) {
		int port = declaredPort;
		for (JsonNode relabeling : endpoint.path("relabelings")) {
			Matcher address = ADDRESS_PORT.matcher(relabeling.path("replacement").asText());
			if (relabeling.path("targetLabel").asText().equals("__address__") && address.matches()) {
				port = Integer.parseInt(address.group(1));
			}
		}
		boolean istioMtls = monitor.path("spec.scrapeClass").asText().equals(ISTIO_MTLS)
				&& endpoint.path("scheme").asText().equals("https");
		return new Scrape(monitor, field, workload, port, endpoint.path("path").asText("/metrics"), istioMtls);
	}

	private static List<ManifestObject> withPlatform(List<ManifestObject> objects, AccessMatrix matrix) {
		List<ManifestObject> all = new ArrayList<>(objects);
		all.addAll(matrix.platformObjects());
		return all;
	}

	private static List<ManifestObject> selectedPods(List<ManifestObject> all, ManifestObject monitor) {
		return selected(Workloads.withPodTemplates(all), monitor, true);
	}

	/**
	 * Objects in the monitor's namespaces whose labels (pod labels for workloads) match.
	 */
	private static List<ManifestObject> selected(List<ManifestObject> candidates, ManifestObject monitor,
			boolean pods) {
		JsonNode names = monitor.path("spec.namespaceSelector.matchNames");
		List<String> namespaces = new ArrayList<>();
		names.forEach((name) -> namespaces.add(name.asText()));
		if (namespaces.isEmpty()) {
			namespaces.add(monitor.namespace());
		}
		JsonNode selector = monitor.path("spec.selector");
		return candidates.stream()
			.filter((object) -> namespaces.contains(object.namespace()))
			.filter((object) -> labelSelectorMatches(selector,
					pods ? podLabels(object) : Selectors.labels(object.path("metadata.labels"))))
			.toList();
	}

	/** A full label selector: matchLabels and matchExpressions. */
	static boolean labelSelectorMatches(JsonNode selector, Map<String, String> labels) {
		if (!Selectors.matches(selector.path("matchLabels"), labels)) {
			return false;
		}
		for (JsonNode expression : selector.path("matchExpressions")) {
			String value = labels.get(expression.path("key").asText());
			List<String> values = new ArrayList<>();
			expression.path("values").forEach((v) -> values.add(v.asText()));
			boolean matches = switch (expression.path("operator").asText()) {
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				case "In" -> values.contains(value);
				case "NotIn" -> !values.contains(value);
				default -> throw new UnsupportedOperationException("operator " + expression.path("operator"));
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Pod labels, with those Knative and sidecar injection add to the rendered template.
	 */
	private static Map<String, String> podLabels(ManifestObject workload) {
		Map<String, String> labels = new HashMap<>(Workloads.podLabels(workload));
		if (Workloads.isKnativeService(workload)) {
			labels.put(KNATIVE_SERVICE_LABEL, workload.name());
		}
		if (injected(workload)) {
			INJECTED_LABELS.forEach((label) -> labels.putIfAbsent(label, workload.name()));
		}
		return labels;
	}

	private static boolean injected(ManifestObject workload) {
		return !PlatformWorkload.isPlatform(workload) && Mesh.hasSidecar(workload);
	}

	private static List<ManifestObject> podsOf(List<ManifestObject> all, ManifestObject service) {
		JsonNode selector = service.path("spec.selector");
		return Workloads.withPodTemplates(all)
			.stream()
			.filter((workload) -> workload.namespace().equals(service.namespace()) && !selector.isEmpty()
					&& Selectors.matches(selector, podLabels(workload)))
			.toList();
	}

	/**
	 * A container port by name or number; Knative's renamed port as {@code user-port}.
	 */
	private static Optional<Integer> containerPort(ManifestObject workload, String reference) {
		if (reference.equals(ENVOY_PROM_PORT_NAME) && injected(workload)) {
			return Optional.of(ENVOY_PROM_PORT);
		}
		for (Workloads.Container container : Workloads.containers(workload)) {
			for (JsonNode port : container.spec().path("ports")) {
				String name = Workloads.isKnativeService(workload) ? KNATIVE_USER_PORT : port.path("name").asText();
				if (reference.equals(name) || reference.equals(port.path("containerPort").asText())) {
					return Optional.of(port.path("containerPort").asInt());
				}
			}
		}
		if (reference.matches("\\d+") && Workloads.isKnativeService(workload)) {
			return Optional.of(Integer.parseInt(reference));
		}
		return Optional.empty();
	}

	private static boolean declaredHttp(List<ManifestObject> all, ManifestObject workload, int port) {
		if (Workloads.isKnativeService(workload) && KNATIVE_HTTP_PORTS.contains(port)) {
			return true;
		}
		for (ManifestObject service : PlatformRules.ofKind(all, "Service")) {
			if (!podsOf(all, service).contains(workload)) {
				continue;
			}
			for (JsonNode servicePort : service.path("spec.ports")) {
				JsonNode target = servicePort.has("targetPort") ? servicePort.get("targetPort")
						: servicePort.get("port");
				boolean targetsPort = containerPort(workload, target.asText()).filter((p) -> p == port).isPresent();
				String protocol = servicePort.has("appProtocol") ? servicePort.path("appProtocol").asText()
						: servicePort.path("name").asText().split("-")[0];
				if (targetsPort && HTTP_PROTOCOLS.contains(protocol)) {
					return true;
				}
			}
		}
		return false;
	}

}
