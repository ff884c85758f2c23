package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the pods of a kind-up.sh profile request, against its budget in
 * scripts/kind-profiles.yaml: rendered workloads (Deployments, StatefulSets, DaemonSets,
 * Jobs, Knative Services with their queue-proxy), CloudNativePG Clusters, Elasticsearch
 * and Kibana, an Istio sidecar for every pod in an injected namespace, the charts' pods
 * (from the values the profile sets, or the defaults in the budget file) and what the
 * Knative operator installs.
 */
final class KindProfileBudget {

	static final Path PROFILES = Path.of("scripts/kind-profiles.yaml");

	private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

	private final JsonNode budget;

	private final JsonNode profile;

	private final int nodes;

	private KindProfileBudget(JsonNode budget, String profile) {
		this.budget = budget;
		this.profile = budget.path("profiles").path(profile);
		this.nodes = this.profile.path("nodes").asInt(1);
	}

	static KindProfileBudget of(String profile) {
		JsonNode budget = Yaml.documents(Repository.root().resolve(PROFILES)).get(0);
		if (budget.path("profiles").path(profile).isMissingNode()) {
			throw new IllegalArgumentException("no profile " + profile + " in " + PROFILES);
		}
		return new KindProfileBudget(budget, profile);
	}

	String bootstrap() {
		return this.profile.path("bootstrap").asText();
	}

	/** What Docker must be given: {@code cpu} and {@code memory}. */
	JsonNode docker() {
		return this.profile.path("docker");
	}

	Resources allowed() {
		return Resources.of(this.profile.path("pods"));
	}

	/**
	 * Everything the profile syncs: its bootstrap, and what each Application (the root
	 * app and, in turn, its children) and the ApplicationSet render from this repository,
	 * with the kustomize patches they carry.
	 */
	List<ManifestObject> bundle() {
		List<ManifestObject> objects = new ArrayList<>(rendered(Repository.root().resolve(bootstrap()), null));
		Set<String> synced = new HashSet<>(Set.of(bootstrap()));
		for (int i = 0; i < objects.size(); i++) {
			ManifestObject object = objects.get(i);
			JsonNode source = object.path("spec.source");
			if (object.is("Application") && source.path("path").isTextual()
					&& synced.add(source.path("path").asText())) {
				objects.addAll(rendered(Repository.root().resolve(source.path("path").asText()),
						source.path("kustomize").path("patches")));
			}
			if (object.is("ApplicationSet")) {
				JsonNode patches = object.path("spec.template.spec.source.kustomize.patches");
				for (Path dir : generatedPaths(object)) {
					objects.addAll(rendered(dir, patches));
				}
			}
		}
		return objects;
	}

	/** Every request of the bundle, each with the object and field it comes from. */
	List<Request> requests(List<ManifestObject> objects) {
		List<Request> requests = new ArrayList<>();
		Resources sidecar = sidecarRequests(objects);
		Set<String> injected = injectedNamespaces(objects);
		for (ManifestObject object : objects) {
			if (WORKLOADS.contains(object.kind()) || Workloads.isKnativeService(object)) {
				int pods = object.is("DaemonSet") ? this.nodes : object.path("spec.replicas").asInt(1);
				JsonNode template = object.path("spec.template");
				containerRequests(object, "spec.template.spec", pods, requests);
				if (Workloads.isKnativeService(object)) {
					requests.add(new Request(object, "queue-proxy (" + PROFILES + ", queueProxy)",
							Resources.of(this.budget.path("queueProxy"))));
				}
				if (injected.contains(object.namespace()) && !optsOutOfSidecar(template)) {
					requests
						.add(new Request(object, "istio-proxy (istiod global.proxy.resources)", sidecar.times(pods)));
				}
			}
			switch (object.type()) {
				case "postgresql.cnpg.io/v1/Cluster" -> requests.add(new Request(object, "spec.resources.requests",
						Resources.of(object.path("spec.resources.requests"))
							.times(object.path("spec.instances").asInt(1))));
				case "elasticsearch.k8s.elastic.co/v1/Elasticsearch" -> {
					JsonNode nodeSets = object.path("spec.nodeSets");
					for (int i = 0; i < nodeSets.size(); i++) {
						containerRequests(object, "spec.nodeSets[" + i + "].podTemplate.spec",
								nodeSets.get(i).path("count").asInt(1), requests);
					}
				}
				case "kibana.k8s.elastic.co/v1/Kibana" ->
					containerRequests(object, "spec.podTemplate.spec", object.path("spec.count").asInt(1), requests);
				default -> {
				}
			}
			if (object.is("Application") && object.path("spec.source.chart").isTextual()) {
				chartRequests(object, sidecar, requests);
			}
			JsonNode installed = this.budget.path("installed").path(object.kind());
			if (!installed.isMissingNode()) {
				requests.add(new Request(object, "installed by its operator (" + PROFILES + ", installed)",
						Resources.of(installed.path("requests"))
							.plus(sidecar.times(installed.path("sidecars").asInt()))));
			}
		}
		return requests;
	}

	/** Over budget, or a chart whose pods' requests are unknown. */
	List<Violation> check(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		List<Request> requests = requests(objects);
		for (Request request : requests) {
			request.problem()
				.ifPresent((problem) -> violations.add(Violation.of(request.owner(), request.field(), problem)));
		}
		Resources total = requests.stream().map(Request::resources).reduce(Resources.NONE, Resources::plus);
		Resources allowed = allowed();
		if (total.cpuMillis() > allowed.cpuMillis() || total.memoryMebibytes() > allowed.memoryMebibytes()) {
			Request largest = requests.stream()
				.max(Comparator.comparingLong((request) -> request.resources().memoryMebibytes()))
				.orElseThrow();
			violations.add(Violation.of(largest.owner(), largest.field(),
					"the profile's pods request " + total + ", over the budget of " + allowed + " in " + PROFILES
							+ " (largest: this object, " + largest.resources() + ")"));
		}
		return violations;
	}

	private void chartRequests(ManifestObject application, Resources sidecar, List<Request> requests) {
		String chart = application.path("spec.source.chart").asText();
		JsonNode pods = this.budget.path("charts").path(chart);
		if (pods.isMissingNode()) {
			requests.add(Request.unknown(application, "spec.source.chart",
					"chart " + chart + " has no entry in " + PROFILES + " (charts): its pods' requests are unknown"));
			return;
		}
		JsonNode values = application.path("spec.source.helm.valuesObject");
		for (JsonNode pod : pods) {
			int count = pod.path("pods").asText().equals("nodes") ? this.nodes : pod.path("pods").asInt(1);
			Resources extra = sidecar.times(pod.path("sidecars").asInt());
			if (pod.has("default")) {
				String version = application.path("spec.source.targetRevision").asText();
				if (!version.equals(pod.path("version").asText())) {
					requests.add(Request.unknown(application, "spec.source.targetRevision",
							"the default requests of " + chart + " in " + PROFILES + " were read at "
									+ pod.path("version").asText() + ": read them again at " + version));
				}
				requests.add(new Request(application, "default of " + chart,
						Resources.of(pod.path("default")).times(count).plus(extra)));
				continue;
			}
			String path = pod.path("values").asText();
			JsonNode node = values;
			for (String segment : path.split("\\.")) {
				node = node.path(segment);
			}
			String field = "spec.source.helm.valuesObject." + path + ".requests";
			if (!node.path("requests").isObject()) {
				requests.add(Request.unknown(application, field, "no requests set at " + path
						+ " in the values: set them, so that the profile's budget is known"));
			}
			else {
				requests
					.add(new Request(application, field, Resources.of(node.path("requests")).times(count).plus(extra)));
			}
		}
	}

	private static void containerRequests(ManifestObject owner, String podSpecPath, int pods, List<Request> requests) {
		JsonNode podSpec = owner.path(podSpecPath);
		for (String list : List.of("containers", "initContainers")) {
			JsonNode containers = podSpec.path(list);
			for (int i = 0; i < containers.size(); i++) {
				JsonNode container = containers.get(i);
				// An init container that ends before the others start adds nothing; a
				// native
				// sidecar (restartPolicy Always) runs along.
				if (list.equals("containers") || container.path("restartPolicy").asText().equals("Always")) {
					requests.add(new Request(owner, podSpecPath + "." + list + "[" + i + "].resources.requests",
							Resources.of(container.path("resources").path("requests")).times(pods)));
				}
			}
		}
	}

	private static Resources sidecarRequests(List<ManifestObject> objects) {
		return objects.stream()
			.filter((object) -> object.is("Application") && "istiod".equals(object.path("spec.source.chart").asText()))
			.map((istiod) -> Resources.of(istiod.path("spec.source.helm.valuesObject.global.proxy.resources.requests")))
			.findFirst()
			.orElse(Resources.NONE);
	}

	private static Set<String> injectedNamespaces(List<ManifestObject> objects) {
		return Set.copyOf(objects.stream()
			.filter((object) -> object.is("Namespace"))
			.filter((namespace) -> namespace.label("istio-injection").orElse("").equals("enabled"))
			.map(ManifestObject::name)
			.toList());
	}

	private static boolean optsOutOfSidecar(JsonNode template) {
		JsonNode metadata = template.path("metadata");
		return "false".equals(metadata.path("labels").path("sidecar.istio.io/inject").asText())
				|| "false".equals(metadata.path("annotations").path("sidecar.istio.io/inject").asText());
	}

	/**
	 * A folder rendered as Argo CD renders it: with the Application's kustomize patches
	 * added to a kustomization that includes it.
	 */
	private static List<ManifestObject> rendered(Path dir, JsonNode patches) {
		List<ManifestObject> plain = checked(Kustomize.render(dir));
		if (patches == null || patches.isMissingNode() || patches.isEmpty()) {
			return plain;
		}
		try {
			Path wrapper = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "profile-");
			ObjectNode kustomization = Yaml.MAPPER.createObjectNode();
			kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
			kustomization.put("kind", "Kustomization");
			kustomization.putArray("resources").add(wrapper.toAbsolutePath().relativize(dir).toString());
			kustomization.set("patches", patches.deepCopy());
			Files.writeString(wrapper.resolve("kustomization.yaml"), Yaml.MAPPER.writeValueAsString(kustomization));
			// Messages name the files of the folder, not the wrapper.
			Map<String, String> files = new HashMap<>();
			plain.forEach((object) -> files.putIfAbsent(object.describe(), object.file()));
			return checked(Kustomize.render(wrapper)).stream()
				.map((object) -> new ManifestObject(files.getOrDefault(object.describe(), object.file()),
						object.tree()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<ManifestObject> checked(Kustomize.Rendering rendering) {
		if (rendering.error() != null) {
			throw new IllegalStateException(rendering.error());
		}
		return rendering.objects();
	}

	/** The folders an ApplicationSet's git directories generator yields, here. */
	private static List<Path> generatedPaths(ManifestObject set) {
		ArrayNode directories = (ArrayNode) set.path("spec.generators").path(0).path("git").path("directories");
		List<PathMatcher> included = new ArrayList<>();
		List<PathMatcher> excluded = new ArrayList<>();
		for (JsonNode directory : directories) {
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + directory.path("path").asText());
			(directory.path("exclude").asBoolean() ? excluded : included).add(matcher);
		}
		Path root = Repository.root();
		try (Stream<Path> dirs = Files.walk(root)) {
			return dirs.filter(Files::isDirectory)
				.filter((dir) -> !dir.equals(root))
				.map(root::relativize)
				.filter((dir) -> included.stream().anyMatch((matcher) -> matcher.matches(dir)))
				.filter((dir) -> excluded.stream().noneMatch((matcher) -> matcher.matches(dir)))
				.filter((dir) -> Files.exists(root.resolve(dir).resolve("kustomization.yaml")))
				.map(root::resolve)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What one object (or one container or chart pod of it) requests.
	 *
	 * @param owner the object
	 * @param field where the request is written, or what it stands for
	 * @param resources the requests, times the pods
	 * @param problem why the request is unknown, if it is
	 */
	record Request(ManifestObject owner, String field, Resources resources, Optional<String> problem) {

		Request(ManifestObject owner, String field, Resources resources) {
			this(owner, field, resources, Optional.empty());
		}

		static Request unknown(ManifestObject owner, String field, String problem) {
			return new Request(owner, field, Resources.NONE, Optional.of(problem));
		}

	}

	/**
	 * CPU in millicores and memory in MiB.
	 *
	 * @param cpuMillis CPU
	 * @param memoryMebibytes memory
	 */
	record Resources(long cpuMillis, long memoryMebibytes) {

		static final Resources NONE = new Resources(0, 0);

		private static final Map<String, Double> MEMORY_UNITS = Map.of("Ki", 1.0 / 1024, "Mi", 1.0, "Gi", 1024.0, "M",
				1e6 / (1 << 20), "G", 1e9 / (1 << 20));

		static Resources of(JsonNode requests) {
			return new Resources(cpu(requests.path("cpu").asText("0")), memory(requests.path("memory").asText("0")));
		}

		Resources plus(Resources other) {
			return new Resources(this.cpuMillis + other.cpuMillis, this.memoryMebibytes + other.memoryMebibytes);
		}

		Resources times(int count) {
			return new Resources(this.cpuMillis * count, this.memoryMebibytes * count);
		}

		private static long cpu(String quantity) {
			return quantity.endsWith("m") ? Long.parseLong(quantity.substring(0, quantity.length() - 1))
					: Math.round(Double.parseDouble(quantity) * 1000);
		}

		private static long memory(String quantity) {
			for (Map.Entry<String, Double> unit : MEMORY_UNITS.entrySet()
				.stream()
				.sorted(Comparator.comparingInt((Map.Entry<String, Double> entry) -> entry.getKey().length())
					.reversed())
				.toList()) {
				if (quantity.endsWith(unit.getKey())) {
					String number = quantity.substring(0, quantity.length() - unit.getKey().length());
					return Math.round(Double.parseDouble(number) * unit.getValue());
				}
			}
			return Math.round(Double.parseDouble(quantity) / (1 << 20));
		}

		@Override
		public String toString() {
			return this.cpuMillis + "m CPU and " + this.memoryMebibytes + "Mi";
		}

	}

}
