package io.meshgate.manifests;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rules that relate the objects one cluster receives to each other and to CONTRACTS.md.
 * Each method returns the violations of one rule for a bundle of objects.
 */
final class PlatformRules {

	static final String NAMESPACE = "meshgate";

	static final String REPOSITORY_URL = "https://github.com/meshgate/meshgate.git";

	/** Where the ingress gateway chart runs its pods. */
	static final String INGRESS_NAMESPACE = "istio-ingress";

	static final List<String> CONTRACT_LABELS = List.of("app", "version", "app.kubernetes.io/name",
			"app.kubernetes.io/part-of", "app.kubernetes.io/component");

	private static final Pattern PRINCIPAL = Pattern.compile("cluster\\.local/ns/([^/]+)/sa/([^/]+)");

	private static final Pattern EXACT_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");

	private static final Set<String> PROBES = Set.of("startupProbe", "livenessProbe", "readinessProbe");

	/** A JDBC URL to PostgreSQL: its host and its query string. */
	private static final Pattern POSTGRESQL_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)[^?]*(?:\\?(.*))?");

	/**
	 * The Services CloudNativePG creates for a cluster: primary, replicas, any instance.
	 */
	private static final Pattern CLUSTER_SERVICE = Pattern.compile("(.+)-(rw|ro|r)");

	private PlatformRules() {
	}

	/**
	 * Every principal an AuthorizationPolicy names is a ServiceAccount of the bundle, or
	 * a platform identity listed in the access matrix.
	 */
	static List<Violation> principalsHaveServiceAccounts(List<ManifestObject> objects, Set<String> outside) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject policy : ofKind(objects, "AuthorizationPolicy")) {
			JsonNode rules = policy.tree().path("spec").path("rules");
			for (int r = 0; r < rules.size(); r++) {
				JsonNode from = rules.get(r).path("from");
				for (int f = 0; f < from.size(); f++) {
					for (String field : List.of("principals", "notPrincipals")) {
						JsonNode principals = from.get(f).path("source").path(field);
						String path = "spec.rules[" + r + "].from[" + f + "].source." + field;
						for (int p = 0; p < principals.size(); p++) {
							String principal = principals.get(p).asText();
							if (!outside.contains(principal) && !hasServiceAccount(objects, principal)) {
								violations.add(Violation.of(policy, path + "[" + p + "]", principal
										+ " is no ServiceAccount here nor a platform principal of istio/access-matrix.yaml"));
							}
						}
					}
				}
			}
		}
		return violations;
	}

	static boolean hasServiceAccount(List<ManifestObject> objects, String principal) {
		var matcher = PRINCIPAL.matcher(principal);
		return matcher.matches() && ofKind(objects, "ServiceAccount").stream()
			.anyMatch((sa) -> sa.namespace().equals(matcher.group(1)) && sa.name().equals(matcher.group(2)));
	}

	/**
	 * VirtualService and DestinationRule hosts inside the mesh name an existing Service.
	 */
	static List<Violation> hostsHaveServices(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject rule : ofKind(objects, "DestinationRule")) {
			checkHost(objects, rule, "spec.host", rule.tree().path("spec").path("host").asText(), violations);
		}
		for (ManifestObject service : ofKind(objects, "VirtualService")) {
			JsonNode gateways = service.tree().path("spec").path("gateways");
			boolean meshBound = gateways.isEmpty() || gateways.toString().contains("\"mesh\"");
			JsonNode hosts = service.tree().path("spec").path("hosts");
			for (int i = 0; meshBound && i < hosts.size(); i++) {
				checkHost(objects, service, "spec.hosts[" + i + "]", hosts.get(i).asText(), violations);
			}
			JsonNode http = service.tree().path("spec").path("http");
			for (int h = 0; h < http.size(); h++) {
				JsonNode routes = http.get(h).path("route");
				for (int r = 0; r < routes.size(); r++) {
					String path = "spec.http[" + h + "].route[" + r + "].destination.host";
					checkHost(objects, service, path, routes.get(r).path("destination").path("host").asText(),
							violations);
				}
			}
		}
		return violations;
	}

	private static void checkHost(List<ManifestObject> objects, ManifestObject owner, String path, String host,
			List<Violation> violations) {
		String[] parts = host.split("\\.");
		String namespace = (parts.length > 1) ? parts[1] : owner.namespace();
		boolean found = ofKind(objects, "Service").stream()
			.anyMatch((service) -> service.name().equals(parts[0]) && service.namespace().equals(namespace));
		if (!found) {
			violations.add(Violation.of(owner, path, "host " + host + " is no Service in namespace " + namespace));
		}
	}

	/**
	 * A Service selects at least one workload, and its target ports exist on the
	 * containers. Services in istio-ingress are left out: they front the ingress gateway
	 * pods, which its chart installs (argocd/apps/istio-gateway) and no kustomization
	 * renders, like Knative's cluster-local gateway Service (knative/base). A Knative
	 * container may declare one port only, so a Service may target another port of its
	 * pods by number (notification-knative's management port).
	 */
	static List<Violation> servicesReachWorkloads(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject service : ofKind(objects, "Service")) {
			JsonNode selector = service.tree().path("spec").path("selector");
			if (selector.isEmpty() || service.namespace().equals(INGRESS_NAMESPACE)) {
				continue;
			}
			List<ManifestObject> selected = Workloads.withPodTemplates(objects)
				.stream()
				.filter((workload) -> workload.namespace().equals(service.namespace())
						&& Selectors.matches(selector, Workloads.podLabels(workload)))
				.toList();
			if (selected.isEmpty()) {
				violations.add(Violation.of(service, "spec.selector", "selects no workload's pods"));
			}
			JsonNode ports = service.tree().path("spec").path("ports");
			for (int i = 0; i < ports.size(); i++) {
				JsonNode target = ports.get(i).has("targetPort") ? ports.get(i).get("targetPort")
						: ports.get(i).get("port");
				for (ManifestObject workload : selected) {
					boolean byNumberOnKnative = Workloads.isKnativeService(workload) && target.canConvertToInt();
					if (!byNumberOnKnative
							&& Workloads.containers(workload).stream().noneMatch((c) -> c.declaresPort(target))) {
						violations.add(Violation.of(service, "spec.ports[" + i + "].targetPort",
								target + " is no container port of " + workload.describe()));
					}
				}
			}
		}
		return violations;
	}

	/** Every probe points at a port its container declares. */
	static List<Violation> probesTargetDeclaredPorts(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : Workloads.withPodTemplates(objects)) {
			for (Workloads.Container container : Workloads.containers(workload)) {
				for (String probe : PROBES) {
					for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
						JsonNode port = container.spec().path(probe).path(handler).path("port");
						if (!port.isMissingNode() && !container.declaresPort(port)) {
							violations
								.add(Violation.of(workload, container.path() + "." + probe + "." + handler + ".port",
										port + " is not a port of this container"));
						}
					}
				}
			}
		}
		return violations;
	}

	/** Images carry a tag or digest other than latest; Helm charts an exact version. */
	static List<Violation> versionsArePinned(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : Workloads.withPodTemplates(objects)) {
			for (Workloads.Container container : Workloads.containers(workload)) {
				checkImage(workload, container.path() + ".image", container.spec().path("image").asText(), violations);
			}
		}
		for (ManifestObject cluster : ofKind(objects, "Cluster")) {
			checkImage(cluster, "spec.imageName", cluster.tree().path("spec").path("imageName").asText(), violations);
		}
		for (ManifestObject application : ofKind(objects, "Application")) {
			JsonNode source = application.tree().path("spec").path("source");
			String revision = source.path("targetRevision").asText();
			if (source.has("chart") && !EXACT_VERSION.matcher(revision).matches()) {
				violations.add(Violation.of(application, "spec.source.targetRevision",
						"chart version '" + revision + "' is not an exact version"));
			}
		}
		return violations;
	}

	private static void checkImage(ManifestObject owner, String path, String image, List<Violation> violations) {
		String name = image.substring(image.lastIndexOf('/') + 1);
		boolean digest = image.contains("@sha256:");
		boolean tagged = name.contains(":") && !name.endsWith(":latest");
		if (!digest && !tagged) {
			violations.add(Violation.of(owner, path, "image '" + image + "' is not pinned to a version"));
		}
	}

	/** Every workload in meshgate is opened by an ALLOW policy of its own. */
	static List<Violation> workloadsHaveAllowPolicy(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : inNamespace(Workloads.withPodTemplates(objects))) {
			boolean allowed = ofKind(objects, "AuthorizationPolicy").stream()
				.filter((policy) -> policy.namespace().equals(NAMESPACE))
				.filter((policy) -> policy.tree().path("spec").path("action").asText("ALLOW").equals("ALLOW"))
				.filter((policy) -> !policy.tree().path("spec").path("rules").isEmpty())
				.anyMatch((policy) -> {
					JsonNode selector = policy.tree().path("spec").path("selector").path("matchLabels");
					return !selector.isEmpty() && Selectors.matches(selector, Workloads.podLabels(workload));
				});
			if (!allowed) {
				violations.add(Violation.of(workload, "", "no AuthorizationPolicy with action ALLOW selects its pods"));
			}
		}
		return violations;
	}

	/**
	 * Only the ingress gateway, installed by its chart in istio-ingress, is reachable
	 * from outside.
	 */
	static List<Violation> onlyIngressIsExposed(List<ManifestObject> objects) {
		return ofKind(objects, "Service").stream()
			.filter((service) -> !service.namespace().equals(INGRESS_NAMESPACE))
			.filter((service) -> Set.of("NodePort", "LoadBalancer")
				.contains(service.tree().path("spec").path("type").asText()))
			.map((service) -> Violation.of(service, "spec.type", "only the ingress gateway may be exposed"))
			.toList();
	}

	/** Application paths into this repository exist and hold a kustomization. */
	static List<Violation> argoSourcesExist(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject application : ofKind(objects, "Application")) {
			JsonNode source = application.tree().path("spec").path("source");
			if (source.path("repoURL").asText().equals(REPOSITORY_URL)
					&& !isKustomization(source.path("path").asText())) {
				violations.add(Violation.of(application, "spec.source.path",
						source.path("path").asText() + " holds no kustomization.yaml"));
			}
		}
		for (ManifestObject set : ofKind(objects, "ApplicationSet")) {
			JsonNode generators = set.tree().path("spec").path("generators");
			for (int g = 0; g < generators.size(); g++) {
				JsonNode directories = generators.get(g).path("git").path("directories");
				List<Path> matches = new ArrayList<>();
				for (JsonNode directory : directories) {
					matches.addAll(matching(directory.path("path").asText()));
				}
				String path = "spec.generators[" + g + "].git.directories";
				if (!directories.isEmpty() && matches.isEmpty()) {
					violations.add(Violation.of(set, path, "matches no folder of the repository"));
				}
				matches.stream()
					.filter((dir) -> !Files.exists(dir.resolve("kustomization.yaml")))
					.forEach((dir) -> violations.add(Violation.of(set, path,
							Repository.relative(dir) + " matches but holds no kustomization.yaml")));
			}
		}
		return violations;
	}

	private static boolean isKustomization(String path) {
		return !path.isEmpty() && Files.exists(Repository.root().resolve(path).resolve("kustomization.yaml"));
	}

	static List<Path> matching(String glob) {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
		return Repository.kustomizations()
			.stream()
			.filter((dir) -> matcher.matches(Repository.root().relativize(dir)))
			.toList();
	}

	/**
	 * Workloads and Knative Services carry the labels CONTRACTS.md asks for, on the
	 * object and on its pods (Istio and Kiali read app and version there).
	 */
	static List<Violation> workloadsCarryContractLabels(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : Workloads.withPodTemplates(objects)) {
			Map<String, String> pod = Workloads.podLabels(workload);
			for (String label : CONTRACT_LABELS) {
				if (workload.label(label).isEmpty()) {
					violations.add(Violation.of(workload, "metadata.labels", "missing label " + label));
				}
				if (!pod.containsKey(label)) {
					violations.add(Violation.of(workload, "spec.template.metadata.labels", "missing label " + label));
				}
			}
			if (!"meshgate".equals(pod.get("app.kubernetes.io/part-of"))) {
				violations.add(Violation.of(workload, "spec.template.metadata.labels",
						"app.kubernetes.io/part-of must be meshgate"));
			}
		}
		return violations;
	}

	/** One ServiceAccount per workload, named after it (CONTRACTS.md). */
	static List<Violation> workloadsRunAsTheirServiceAccount(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : inNamespace(Workloads.withPodTemplates(objects))) {
			String account = Workloads.podSpec(workload).path("serviceAccountName").asText();
			if (!account.equals(workload.name())) {
				violations.add(Violation.of(workload, "spec.template.spec.serviceAccountName",
						"must be " + workload.name() + ", was '" + account + "'"));
			}
			else if (!hasServiceAccount(objects, "cluster.local/ns/" + workload.namespace() + "/sa/" + account)) {
				violations.add(Violation.of(workload, "spec.template.spec.serviceAccountName",
						"ServiceAccount " + account + " is not deployed with it"));
			}
		}
		return violations;
	}

	/** Hardened by default (STYLE.md 12). */
	static List<Violation> workloadsAreHardened(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : Workloads.withPodTemplates(objects)) {
			JsonNode pod = Workloads.podSpec(workload);
			require(workload, "spec.template.spec.securityContext.runAsNonRoot",
					pod.path("securityContext").path("runAsNonRoot").asBoolean(), violations);
			require(workload, "spec.template.spec.securityContext.seccompProfile.type",
					pod.path("securityContext").path("seccompProfile").path("type").asText().equals("RuntimeDefault"),
					violations);
			for (Workloads.Container container : Workloads.containers(workload)) {
				JsonNode context = container.spec().path("securityContext");
				String path = container.path();
				require(workload, path + ".securityContext.allowPrivilegeEscalation",
						context.path("allowPrivilegeEscalation").isBoolean()
								&& !context.path("allowPrivilegeEscalation").asBoolean(),
						violations);
				require(workload, path + ".securityContext.readOnlyRootFilesystem",
						context.path("readOnlyRootFilesystem").asBoolean(), violations);
				require(workload, path + ".securityContext.capabilities.drop",
						context.path("capabilities").path("drop").toString().contains("\"ALL\""), violations);
				for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
					String[] parts = resource.split("\\.");
					require(workload, path + ".resources." + resource,
							container.spec().path("resources").path(parts[0]).has(parts[1]), violations);
				}
			}
		}
		return violations;
	}

	private static void require(ManifestObject owner, String path, boolean holds, List<Violation> violations) {
		if (!holds) {
			violations.add(Violation.of(owner, path, "required for a hardened workload (STYLE.md 12)"));
		}
	}

	/**
	 * Every connection to PostgreSQL is TLS with the server verified: the JDBC URL, in
	 * the container's environment or a ConfigMap it reads, names a Service of a
	 * CloudNativePG {@code Cluster} of the bundle, asks for {@code sslmode=verify-full}
	 * and points {@code sslrootcert} at that cluster's CA ({@code <cluster>-ca}, key
	 * {@code ca.crt}) as the container mounts it. pgJDBC's default ({@code prefer})
	 * encrypts without checking who answers.
	 */
	static List<Violation> databaseConnectionsAreVerified(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject workload : Workloads.withPodTemplates(objects)) {
			for (Workloads.Container container : Workloads.containers(workload)) {
				JsonNode env = container.spec().path("env");
				for (int i = 0; i < env.size(); i++) {
					checkDatabaseUrl(objects, workload, container, workload, container.path() + ".env[" + i + "].value",
							env.get(i).path("value").asText(), violations);
				}
				for (JsonNode source : container.spec().path("envFrom")) {
					String configMap = source.path("configMapRef").path("name").asText();
					for (ManifestObject map : ofKind(objects, "ConfigMap")) {
						if (map.name().equals(configMap) && map.namespace().equals(workload.namespace())) {
							map.tree()
								.path("data")
								.fields()
								.forEachRemaining((entry) -> checkDatabaseUrl(objects, workload, container, map,
										"data." + entry.getKey(), entry.getValue().asText(), violations));
						}
					}
				}
			}
		}
		return violations;
	}

	private static void checkDatabaseUrl(List<ManifestObject> objects, ManifestObject workload,
			Workloads.Container container, ManifestObject owner, String path, String value,
			List<Violation> violations) {
		Matcher url = POSTGRESQL_URL.matcher(value);
		if (!url.matches()) {
			return;
		}
		Matcher service = CLUSTER_SERVICE.matcher(url.group(1));
		String cluster = service.matches() ? service.group(1) : "";
		boolean clusterExists = ofKind(objects, "Cluster").stream()
			.anyMatch((candidate) -> candidate.apiVersion().startsWith("postgresql.cnpg.io/")
					&& candidate.name().equals(cluster) && candidate.namespace().equals(workload.namespace()));
		if (!clusterExists) {
			violations.add(Violation.of(owner, path, "host " + url.group(1)
					+ " is no -rw/-ro/-r Service of a CloudNativePG Cluster in " + workload.namespace()));
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String parameter : (url.group(2) != null) ? url.group(2).split("&") : new String[0]) {
			String[] pair = parameter.split("=", 2);
			parameters.put(pair[0], (pair.length > 1) ? pair[1] : "");
		}
		if (!"verify-full".equals(parameters.get("sslmode"))) {
			violations.add(Violation.of(owner, path, "needs sslmode=verify-full, has sslmode="
					+ parameters.getOrDefault("sslmode", "(none: pgJDBC's prefer, unverified)")));
			return;
		}
		String rootCert = parameters.getOrDefault("sslrootcert", "");
		Set<String> mounted = mountedFiles(workload, container, cluster + "-ca", "ca.crt");
		if (!mounted.contains(rootCert)) {
			violations.add(Violation.of(workload, container.path() + ".volumeMounts",
					"sslrootcert of " + owner.describe() + " " + path + " is '" + rootCert + "', but the container"
							+ " mounts Secret " + cluster + "-ca's ca.crt at "
							+ (mounted.isEmpty() ? "no path" : mounted)));
		}
	}

	/** Where the container sees the given key of the given Secret. */
	private static Set<String> mountedFiles(ManifestObject workload, Workloads.Container container, String secret,
			String key) {
		Set<String> files = new HashSet<>();
		for (JsonNode volume : Workloads.podSpec(workload).path("volumes")) {
			if (!volume.path("secret").path("secretName").asText().equals(secret)) {
				continue;
			}
			String file = key;
			JsonNode items = volume.path("secret").path("items");
			if (!items.isEmpty()) {
				file = null;
				for (JsonNode item : items) {
					if (item.path("key").asText().equals(key)) {
						file = item.path("path").asText();
					}
				}
			}
			for (JsonNode mount : container.spec().path("volumeMounts")) {
				if (file != null && mount.path("name").asText().equals(volume.path("name").asText())) {
					files.add(mount.path("mountPath").asText().replaceAll("/$", "") + "/" + file);
				}
			}
		}
		return files;
	}

	/** Secrets never come from git: generated by an operator or created out of band. */
	static List<Violation> noSecretsInGit(List<ManifestObject> objects) {
		return ofKind(objects, "Secret").stream()
			.map((secret) -> Violation.of(secret, "",
					"Secrets are created out of band (docs/adr/0004-data-and-secrets.md)"))
			.toList();
	}

	static List<ManifestObject> ofKind(List<ManifestObject> objects, String kind) {
		return objects.stream().filter((object) -> object.is(kind)).toList();
	}

	private static List<ManifestObject> inNamespace(List<ManifestObject> objects) {
		return objects.stream().filter((object) -> object.namespace().equals(NAMESPACE)).toList();
	}

}
