package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The domain services are written once, as kustomize components under
 * {@code domain-services/k8s-components} (docs/deploy.md, "Domain services in the
 * cluster"). These rules check that what they render keeps the zero-downtime lifecycle of
 * docs/adr/0003-zero-downtime-pod-lifecycle.md and rides out disruptions in prod, and
 * that every service folder uses the components and writes none of their YAML again.
 */
final class ServiceShapeRules {

	/**
	 * The value of {@code app.kubernetes.io/component} the service-shape component sets.
	 */
	static final String DOMAIN_SERVICE = "domain-service";

	/** The placeholders the components' objects are written with. */
	private static final String SERVICE_PLACEHOLDER = "service";

	private static final String DATABASE_PLACEHOLDER = "database";

	private static final String VALUES = "service-shape";

	private ServiceShapeRules() {
	}

	/** The Deployments rendered from the service-shape component. */
	static List<ManifestObject> domainServices(List<ManifestObject> objects) {
		return Workloads.of(objects)
			.stream()
			.filter((workload) -> workload.label("app.kubernetes.io/component").orElse("").equals(DOMAIN_SERVICE))
			.toList();
	}

	/**
	 * A rollout never lowers capacity, Envoy is a native sidecar, each container is
	 * started and ready-checked and sleeps in preStop, and the grace period covers the
	 * preStop sleep plus Spring's graceful shutdown phase from the ConfigMap it reads.
	 */
	static List<Violation> domainServicesShutDownGracefully(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : domainServices(objects)) {
			JsonNode maxUnavailable = workload.path("spec.strategy.rollingUpdate.maxUnavailable");
			if (!maxUnavailable.asText().equals("0") && !maxUnavailable.asText().equals("0%")) {
				violations.add(Violation.of(workload, "spec.strategy.rollingUpdate.maxUnavailable",
						"must be 0: a rollout must not lower capacity"));
			}
			if (!workload.path("spec.template.metadata.annotations")
				.path("sidecar.istio.io/nativeSidecar")
				.asText()
				.equals("true")) {
				violations.add(Violation.of(workload, "spec.template.metadata.annotations",
						"needs sidecar.istio.io/nativeSidecar: \"true\": Envoy starts before and stops after the application"));
			}
			for (int i = 0; i < Workloads.podSpec(workload).path("containers").size(); i++) {
				checkContainer(objects, workload, i, violations);
			}
		}
		return violations;
	}

	private static void checkContainer(List<ManifestObject> objects, ManifestObject workload, int index,
			List<Violation> violations) {
		String path = "spec.template.spec.containers[" + index + "]";
		JsonNode container = Workloads.podSpec(workload).path("containers").get(index);
		for (String probe : List.of("startupProbe", "readinessProbe")) {
			if (container.path(probe).isMissingNode()) {
				violations.add(Violation.of(workload, path + "." + probe, "missing"));
			}
		}
		int preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
		if (preStop <= 0) {
			violations.add(Violation.of(workload, path + ".lifecycle.preStop.sleep.seconds",
					"must sleep while endpoint removal reaches every proxy"));
		}
		Optional<BigDecimal> shutdown = gracefulShutdownPhase(objects, workload, container);
		if (shutdown.isEmpty()) {
			violations.add(Violation.of(workload, path + ".envFrom",
					"reads no ConfigMap with SERVER_SHUTDOWN=graceful and SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
			return;
		}
		BigDecimal needed = shutdown.get().add(BigDecimal.valueOf(preStop));
		int grace = Workloads.podSpec(workload).path("terminationGracePeriodSeconds").asInt(30);
		if (BigDecimal.valueOf(grace).compareTo(needed) <= 0) {
			violations.add(Violation.of(workload, "spec.template.spec.terminationGracePeriodSeconds",
					grace + " s does not outlast the preStop sleep and the shutdown phase ("
							+ needed.stripTrailingZeros().toPlainString()
							+ " s): the kubelet would kill requests in flight"));
		}
	}

	/** Spring's shutdown phase in seconds, if the container reads graceful shutdown. */
	private static Optional<BigDecimal> gracefulShutdownPhase(List<ManifestObject> objects, ManifestObject workload,
			JsonNode container) {
		for (JsonNode source : container.path("envFrom")) {
			String name = source.path("configMapRef").path("name").asText();
			for (ManifestObject map : PlatformRules.ofKind(objects, "ConfigMap")) {
				JsonNode data = map.tree().path("data");
				if (map.name().equals(name) && map.namespace().equals(workload.namespace())
						&& data.path("SERVER_SHUTDOWN").asText().equals("graceful")) {
					return GoDuration.nanos(data.path("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE").asText())
						.map((nanos) -> nanos.movePointLeft(9));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * In prod every domain service scales from at least two pods, keeps one at most away
	 * in a drain, and spreads over zones and nodes.
	 */
	static List<Violation> domainServicesRideOutDisruptions(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : domainServices(objects)) {
			boolean scaled = PlatformRules.ofKind(objects, "HorizontalPodAutoscaler")
				.stream()
				.anyMatch((hpa) -> hpa.namespace().equals(workload.namespace())
						&& hpa.path("spec.scaleTargetRef.kind").asText().equals("Deployment")
						&& hpa.path("spec.scaleTargetRef.name").asText().equals(workload.name())
						&& hpa.path("spec.minReplicas").asInt() >= 2);
			if (!scaled) {
				violations.add(Violation.of(workload, "",
						"no HorizontalPodAutoscaler scales it with minReplicas of 2 or more"));
			}
			boolean budgeted = PlatformRules.ofKind(objects, "PodDisruptionBudget")
				.stream()
				.anyMatch((pdb) -> pdb.namespace().equals(workload.namespace())
						&& !pdb.path("spec.selector.matchLabels").isEmpty()
						&& Selectors.matches(pdb.path("spec.selector.matchLabels"), Workloads.podLabels(workload)));
			if (!budgeted) {
				violations.add(Violation.of(workload, "spec.template.metadata.labels",
						"no PodDisruptionBudget selects these pods: a drain may evict them all"));
			}
			String spread = Workloads.podSpec(workload).path("topologySpreadConstraints").toString();
			for (String key : List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname")) {
				if (!spread.contains("\"" + key + "\"")) {
					violations.add(Violation.of(workload, "spec.template.spec.topologySpreadConstraints",
							"does not spread over " + key));
				}
			}
		}
		return violations;
	}

	/**
	 * Every {@code <service>/k8s} folder under {@code services} includes the
	 * service-shape component in its base, the prod part of each component it includes in
	 * {@code overlays/prod}, and declares none of the components' objects again: a
	 * resource may not, a patch only with values that differ from the component's.
	 * @param services the folder of the service folders ({@code domain-services})
	 * @param components the folder of the components
	 * @return the violations
	 */
	static List<Violation> servicesUseTheShape(Path services, Path components) {
		List<Violation> violations = new ArrayList<>();
		List<Path> serviceFolders = list(services).stream()
			.filter((folder) -> Files.isDirectory(folder.resolve("k8s/base")))
			.toList();
		for (Path service : serviceFolders) {
			Path base = service.resolve("k8s/base");
			List<String> included = components(base);
			if (!included.contains("service-shape")) {
				violations.add(kustomizationViolation(base, "does not include k8s-components/service-shape"));
			}
			Path prod = service.resolve("k8s/overlays/prod");
			for (String component : included) {
				boolean hasProdPart = Files.isDirectory(components.resolve(component + "-prod"));
				if (hasProdPart && Files.isDirectory(prod) && !components(prod).contains(component + "-prod")) {
					violations.add(kustomizationViolation(prod,
							"includes " + component + " in its base but not k8s-components/" + component + "-prod"));
				}
			}
			violations.addAll(copies(service, components));
		}
		return violations;
	}

	/** The components a kustomization includes, by folder name. */
	private static List<String> components(Path kustomizationFolder) {
		List<String> names = new ArrayList<>();
		for (ObjectNode kustomization : Yaml.documents(kustomizationFolder.resolve("kustomization.yaml"))) {
			kustomization.path("components")
				.forEach((entry) -> names.add(Path.of(entry.asText()).normalize().getFileName().toString()));
		}
		return names;
	}

	private static Violation kustomizationViolation(Path folder, String problem) {
		return new Violation(Repository.relative(folder.resolve("kustomization.yaml")),
				"Kustomization " + Repository.relative(folder), "components", problem);
	}

	private static List<Violation> copies(Path service, Path components) {
		List<ManifestObject> shape = new ArrayList<>();
		for (Path file : yamlFiles(components)) {
			shape.addAll(Yaml.objects(file));
		}
		Names names = Names.of(service);
		List<Violation> violations = new ArrayList<>();
		for (Path file : yamlFiles(service.resolve("k8s"))) {
			boolean patch = isPatch(file);
			String relative = Repository.relative(file);
			List<ObjectNode> trees = Yaml.documents(file);
			List<ObjectNode> generic = Yaml.documents(names.generic(read(file)));
			for (int i = 0; i < trees.size(); i++) {
				ManifestObject object = new ManifestObject(relative, trees.get(i));
				JsonNode genericTree = generic.get(i);
				List<ManifestObject> originals = shape.stream()
					.filter((original) -> original.kind().equals(object.kind())
							&& original.name().equals(genericTree.path("metadata").path("name").asText()))
					.toList();
				if (originals.isEmpty()) {
					continue;
				}
				if (!patch) {
					violations.add(new Violation(relative, object.describe(), "metadata.name", "the shape renders it ("
							+ originals.get(0).file() + "): write only what differs, as a patch"));
					continue;
				}
				for (ManifestObject original : originals) {
					sameValues(genericTree, original.tree(), "")
						.forEach((field) -> violations.add(new Violation(relative, object.describe(), field,
								"repeats the value " + original.file() + " already gives")));
				}
			}
		}
		return violations;
	}

	/** The fields under which a patch repeats the component's value. */
	private static List<String> sameValues(JsonNode patch, JsonNode original, String path) {
		List<String> fields = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> entries = patch.fields(); entries.hasNext();) {
			Map.Entry<String, JsonNode> entry = entries.next();
			String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
			JsonNode value = entry.getValue();
			JsonNode originalValue = original.path(entry.getKey());
			if (List.of("apiVersion", "kind", "metadata.name").contains(field)) {
				continue;
			}
			if (value.isObject()) {
				fields.addAll(sameValues(value, originalValue, field));
			}
			else if (value.equals(originalValue)) {
				fields.add(field);
			}
		}
		return fields;
	}

	/** Whether the file is a patch of the kustomization beside it. */
	private static boolean isPatch(Path file) {
		for (ObjectNode kustomization : Yaml.documents(file.resolveSibling("kustomization.yaml"))) {
			for (JsonNode patch : kustomization.path("patches")) {
				if (patch.path("path").asText().equals(file.getFileName().toString())) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<Path> yamlFiles(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> file.toString().endsWith(".yaml"))
				.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> list(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A service's names as its base's service-shape values give them (the folder name if
	 * it has none), to write its files back with the components' placeholders.
	 */
	private record Names(String service, String database) {

		static Names of(Path service) {
			String name = service.getFileName().toString();
			String database = null;
			for (Path file : yamlFiles(service.resolve("k8s/base"))) {
				for (ObjectNode tree : Yaml.documents(file)) {
					if (tree.path("kind").asText().equals("ConfigMap")
							&& tree.path("metadata").path("name").asText().equals(VALUES)) {
						name = tree.path("data").path("service").asText(name);
						database = tree.path("data").path("database").asText(null);
					}
				}
			}
			return new Names(name, database);
		}

		String generic(String text) {
			String generic = text.replace(this.service, SERVICE_PLACEHOLDER);
			if (this.database == null) {
				return generic;
			}
			return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(this.database) + "(?![a-z0-9])")
				.matcher(generic)
				.replaceAll(DATABASE_PLACEHOLDER);
		}

	}

}
