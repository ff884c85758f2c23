package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rules on the Argo CD objects of one environment: the first apply creates only the
 * projects and the root app, every app retries, each AppProject permits exactly what its
 * apps write (charts per {@code argocd/chart-footprints.yaml}), the services project
 * stays inside namespace meshgate, and a namespace several apps write into exists before
 * any of them syncs.
 */
final class ArgoCdRules {

	static final String SERVICES_PROJECT = "services";

	/** Argo CD's own namespace: it exists before the bootstrap. */
	static final String ARGOCD_NAMESPACE = "argocd";

	private static final Set<String> SERVICE_RBAC = Set.of("Role", "RoleBinding");

	private ArgoCdRules() {
	}

	/**
	 * What {@code kubectl apply -k argocd/bootstrap/overlays/<env>} creates: AppProjects
	 * and one Application, the root. The children come from git through the root app, so
	 * that their sync waves order them.
	 */
	static List<Violation> bootstrapCreatesOnlyProjectsAndRoot(List<ManifestObject> bootstrap) {
		List<Violation> violations = new ArrayList<>();
		boolean rootSeen = false;
		for (ManifestObject object : bootstrap) {
			boolean root = object.is("Application") && !rootSeen;
			rootSeen |= root;
			if (!root && !object.is("AppProject")) {
				violations.add(Violation.of(object, "",
						"the bootstrap creates only AppProjects and the root Application; children belong in the "
								+ "folder the root app syncs (argocd/apps/overlays/<env>), where sync waves order them"));
			}
		}
		return violations;
	}

	/** A failed automated sync is retried, with backoff, for the same commit. */
	static List<Violation> appsRetryWithBackoff(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject application : PlatformRules.ofKind(objects, "Application")) {
			checkRetry(application, "spec", application.tree().path("spec"), violations);
		}
		for (ManifestObject set : PlatformRules.ofKind(objects, "ApplicationSet")) {
			checkRetry(set, "spec.template.spec", set.tree().path("spec").path("template").path("spec"), violations);
		}
		return violations;
	}

	private static void checkRetry(ManifestObject owner, String spec, JsonNode node, List<Violation> violations) {
		JsonNode retry = node.path("syncPolicy").path("retry");
		if (retry.path("limit").asInt(0) == 0 || !retry.path("backoff").has("duration")) {
			violations.add(Violation.of(owner, spec + ".syncPolicy.retry",
					"needs a retry limit and a backoff (argocd/components/sync-retry)"));
		}
	}

	/**
	 * An ApplicationSet that preserves its apps' resources on deletion puts no resources
	 * finalizer in its template: Argo CD adds one only when preserve is off, and a
	 * finalizer in the template is kept, so deleting a generated app (its folder
	 * vanished) would delete its resources after all (argoproj/argo-cd@v3.3.14:
	 * applicationset/utils/utils.go, RenderTemplateParams).
	 */
	static List<Violation> preservedAppsKeepTheirResources(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject set : PlatformRules.ofKind(objects, "ApplicationSet")) {
			JsonNode finalizers = set.tree().path("spec").path("template").path("metadata").path("finalizers");
			if (set.tree().path("spec").path("syncPolicy").path("preserveResourcesOnDeletion").asBoolean(false)
					&& finalizers.toString().contains("resources-finalizer.argocd.argoproj.io")) {
				violations.add(Violation.of(set, "spec.template.metadata.finalizers",
						"the resources finalizer makes a generated app take its resources with it when it is "
								+ "deleted, which spec.syncPolicy.preserveResourcesOnDeletion means to prevent"));
			}
		}
		return violations;
	}

	/**
	 * Each app's project is in the bundle, lists the app's repository and permits every
	 * object the app writes: its namespace is a destination, a cluster-scoped kind is in
	 * the clusterResourceWhitelist, a namespaced kind is in the
	 * namespaceResourceWhitelist when there is one.
	 */
	static List<Violation> projectsPermitWhatAppsWrite(List<ManifestObject> objects, ChartFootprints footprints) {
		List<Violation> violations = new ArrayList<>();
		for (ArgoCdApps.App app : ArgoCdApps.of(objects)) {
			String field = app.spec() + ".project";
			Optional<ManifestObject> project = project(objects, app.project());
			if (project.isEmpty()) {
				violations.add(Violation.of(app.owner(), field, "no AppProject " + app.project() + " in this bundle"));
				continue;
			}
			JsonNode spec = project.get().tree().path("spec");
			String repository = app.source().path("repoURL").asText();
			if (!spec.path("sourceRepos").toString().contains("\"" + repository + "\"")) {
				violations.add(Violation.of(app.owner(), app.spec() + ".source.repoURL",
						repository + " is no sourceRepos entry of project " + app.project()));
			}
			if (!isDestination(spec, app.destinationNamespace())) {
				violations.add(
						Violation.of(app.owner(), app.spec() + ".destination.namespace", app.describe() + ": namespace "
								+ app.destinationNamespace() + " is no destination of project " + app.project()));
			}
			for (ArgoCdApps.Write write : ArgoCdApps.writes(app, footprints)) {
				denial(spec, write).ifPresent((reason) -> violations.add(Violation.of(app.owner(), field, app.describe()
						+ " writes " + write.describe() + ", but project " + app.project() + " " + reason)));
			}
		}
		return violations;
	}

	private static Optional<String> denial(JsonNode project, ArgoCdApps.Write write) {
		if (write.clusterScoped()) {
			return permits(project.path("clusterResourceWhitelist"), write) ? Optional.empty()
					: Optional.of("has no clusterResourceWhitelist entry for it");
		}
		if (!isDestination(project, write.namespace())) {
			return Optional.of("has no destination " + write.namespace());
		}
		JsonNode whitelist = project.path("namespaceResourceWhitelist");
		// A chart's namespaced kinds are not listed in the footprints: only its
		// namespaces count.
		if (!write.kind().equals("*") && !whitelist.isEmpty() && !permits(whitelist, write)) {
			return Optional.of("has no namespaceResourceWhitelist entry for it");
		}
		if (!write.kind().equals("*") && permits(project.path("namespaceResourceBlacklist"), write)) {
			return Optional.of("blacklists it");
		}
		return Optional.empty();
	}

	/**
	 * A project grants nothing its apps do not write: every destination, and every entry
	 * of its resource whitelists, is used by at least one of them.
	 */
	static List<Violation> projectsGrantOnlyWhatAppsWrite(List<ManifestObject> objects, ChartFootprints footprints) {
		Map<String, List<ArgoCdApps.Write>> used = new LinkedHashMap<>();
		Map<String, Set<String>> namespaces = new LinkedHashMap<>();
		for (ArgoCdApps.App app : ArgoCdApps.of(objects)) {
			List<ArgoCdApps.Write> writes = ArgoCdApps.writes(app, footprints);
			used.computeIfAbsent(app.project(), (name) -> new ArrayList<>()).addAll(writes);
			Set<String> into = namespaces.computeIfAbsent(app.project(), (name) -> new HashSet<>());
			into.add(app.destinationNamespace());
			writes.forEach((write) -> into.add(write.namespace()));
		}
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject project : PlatformRules.ofKind(objects, "AppProject")) {
			List<ArgoCdApps.Write> writes = used.getOrDefault(project.name(), List.of());
			JsonNode destinations = project.tree().path("spec").path("destinations");
			for (int i = 0; i < destinations.size(); i++) {
				String namespace = destinations.get(i).path("namespace").asText();
				if (!namespaces.getOrDefault(project.name(), Set.of()).contains(namespace)) {
					violations.add(Violation.of(project, "spec.destinations[" + i + "].namespace",
							"no app of this project writes into " + namespace));
				}
			}
			for (String list : List.of("clusterResourceWhitelist", "namespaceResourceWhitelist")) {
				boolean cluster = list.startsWith("cluster");
				JsonNode entries = project.tree().path("spec").path(list);
				for (int i = 0; i < entries.size(); i++) {
					JsonNode entry = entries.get(i);
					boolean needed = writes.stream()
						.filter((write) -> write.clusterScoped() == cluster)
						.anyMatch((write) -> matches(entry, write));
					if (!needed) {
						violations.add(
								Violation.of(project, "spec." + list + "[" + i + "]", "no app of this project writes a "
										+ entry.path("group").asText() + "/" + entry.path("kind").asText()));
					}
				}
			}
		}
		return violations;
	}

	/**
	 * Every chart Application has an entry in the footprints with its exact version (a
	 * version bump means reading the new chart) and its release namespace; every entry
	 * belongs to an Application.
	 */
	static List<Violation> footprintsMatchCharts(List<ManifestObject> objects, ChartFootprints footprints) {
		List<Violation> violations = new ArrayList<>();
		List<Integer> used = new ArrayList<>();
		for (ManifestObject application : PlatformRules.ofKind(objects, "Application")) {
			JsonNode source = application.tree().path("spec").path("source");
			if (!source.has("chart")) {
				continue;
			}
			Optional<ChartFootprints.Footprint> footprint = footprints.of(source);
			if (footprint.isEmpty()) {
				violations.add(Violation.of(application, "spec.source.chart", "chart " + source.path("chart").asText()
						+ " from " + source.path("repoURL").asText() + " has no entry in " + footprints.file()));
				continue;
			}
			used.add(footprint.get().index());
			String revision = source.path("targetRevision").asText();
			if (!footprint.get().version().equals(revision)) {
				violations.add(Violation.of(application, "spec.source.targetRevision",
						revision + " is not the version " + footprints.file() + " was read at ("
								+ footprint.get().version() + "): read the chart at " + revision + " and update it"));
			}
			String namespace = application.tree().path("spec").path("destination").path("namespace").asText();
			if (!footprint.get().namespaces().contains(namespace)) {
				violations.add(Violation.of(application, "spec.destination.namespace", "the release namespace "
						+ namespace + " is not among the namespaces " + footprints.file() + " lists for this chart"));
			}
		}
		for (ChartFootprints.Footprint footprint : footprints.all()) {
			if (!used.contains(footprint.index())) {
				violations.add(new Violation(footprints.file(), "chart " + footprint.chart(),
						"charts[" + footprint.index() + "]", "no Application installs this chart"));
			}
		}
		return violations;
	}

	/**
	 * The services project, which any service folder with a {@code k8s/overlays/<env>}
	 * becomes an app of, is confined: namespace meshgate only, no cluster-scoped kind, an
	 * explicit list of namespaced kinds without Argo CD's own and without RBAC beyond a
	 * Role and its RoleBinding. Every ApplicationSet generates into it.
	 */
	static List<Violation> servicesProjectIsConfined(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject set : PlatformRules.ofKind(objects, "ApplicationSet")) {
			String project = set.tree().path("spec").path("template").path("spec").path("project").asText();
			if (!project.equals(SERVICES_PROJECT)) {
				violations.add(Violation.of(set, "spec.template.spec.project",
						"generated apps belong in project " + SERVICES_PROJECT + ", not " + project));
			}
		}
		for (ManifestObject project : PlatformRules.ofKind(objects, "AppProject")) {
			if (project.name().equals(SERVICES_PROJECT)) {
				checkServicesProject(project, violations);
			}
		}
		return violations;
	}

	private static void checkServicesProject(ManifestObject project, List<Violation> violations) {
		JsonNode spec = project.tree().path("spec");
		JsonNode cluster = spec.path("clusterResourceWhitelist");
		for (int i = 0; i < cluster.size(); i++) {
			violations.add(Violation.of(project, "spec.clusterResourceWhitelist[" + i + "]",
					"the services project allows no cluster-scoped kind"));
		}
		JsonNode destinations = spec.path("destinations");
		for (int i = 0; i < destinations.size(); i++) {
			if (!destinations.get(i).path("namespace").asText().equals(PlatformRules.NAMESPACE)) {
				violations.add(Violation.of(project, "spec.destinations[" + i + "].namespace",
						"the services project writes into namespace " + PlatformRules.NAMESPACE + " only"));
			}
		}
		JsonNode kinds = spec.path("namespaceResourceWhitelist");
		if (kinds.isEmpty()) {
			violations.add(Violation.of(project, "spec.namespaceResourceWhitelist",
					"must list the kinds a service may create (without it, every namespaced kind is allowed)"));
		}
		for (int i = 0; i < kinds.size(); i++) {
			String group = kinds.get(i).path("group").asText();
			String kind = kinds.get(i).path("kind").asText();
			String field = "spec.namespaceResourceWhitelist[" + i + "]";
			if (group.contains("*") || kind.contains("*")) {
				violations.add(Violation.of(project, field, "kinds are listed one by one, no wildcard"));
			}
			else if (group.equals("argoproj.io")) {
				violations.add(Violation.of(project, field, "a service creates no Argo CD object (" + kind + ")"));
			}
			else if (group.equals("rbac.authorization.k8s.io") && !SERVICE_RBAC.contains(kind)) {
				violations
					.add(Violation.of(project, field, "a service's RBAC is a Role and its RoleBinding, not " + kind));
			}
		}
	}

	/**
	 * A namespace is created by exactly one app (a Namespace object, or
	 * CreateNamespace=true on the app whose destination it is), in a sync wave before
	 * every other app that writes into it: Argo CD creates nothing in a namespace that
	 * does not exist, and a namespace created by CreateNamespace carries no labels
	 * (sidecar injection).
	 */
	static List<Violation> namespacesExistBeforeTheirWriters(List<ManifestObject> objects, ChartFootprints footprints) {
		Map<String, List<ArgoCdApps.App>> writers = new LinkedHashMap<>();
		Map<String, List<ArgoCdApps.App>> creators = new LinkedHashMap<>();
		for (ArgoCdApps.App app : ArgoCdApps.of(objects)) {
			for (ArgoCdApps.Write write : ArgoCdApps.writes(app, footprints)) {
				if (write.kind().equals("Namespace")) {
					creators.computeIfAbsent(write.name(), (name) -> new ArrayList<>()).add(app);
				}
				else if (!write.clusterScoped()) {
					List<ArgoCdApps.App> apps = writers.computeIfAbsent(write.namespace(), (ns) -> new ArrayList<>());
					if (!apps.contains(app)) {
						apps.add(app);
					}
				}
			}
			if (app.createsNamespace()) {
				creators.computeIfAbsent(app.destinationNamespace(), (name) -> new ArrayList<>()).add(app);
			}
		}
		List<Violation> violations = new ArrayList<>();
		writers.forEach((namespace, apps) -> {
			List<ArgoCdApps.App> created = creators.getOrDefault(namespace, List.of());
			if (namespace.equals(ARGOCD_NAMESPACE)) {
				return;
			}
			if (created.isEmpty()) {
				ArgoCdApps.App app = apps.get(0);
				violations.add(Violation.of(app.owner(), app.spec() + ".source", app.describe()
						+ " writes into namespace " + namespace + ", which no app creates (namespaces/base)"));
				return;
			}
			ArgoCdApps.App creator = created.get(0);
			for (ArgoCdApps.App other : created.subList(1, created.size())) {
				violations.add(Violation.of(other.owner(), other.spec() + ".syncPolicy.syncOptions", other.describe()
						+ " creates namespace " + namespace + ", which " + creator.describe() + " creates too"));
			}
			for (ArgoCdApps.App app : apps) {
				if (app != creator && app.wave() <= creator.wave()) {
					violations.add(Violation.of(app.owner(), waveField(app),
							app.describe() + " writes into namespace " + namespace + " in wave " + app.wave()
									+ ", not after " + creator.describe() + " creates it (wave " + creator.wave()
									+ "): create it earlier, in namespaces/base"));
				}
			}
		});
		return violations;
	}

	private static String waveField(ArgoCdApps.App app) {
		JsonNode annotations = app.owner().tree().path("metadata").path("annotations");
		boolean recorded = annotations.has(ArgoCdApps.RECORDED_WAVE_ANNOTATION);
		return "metadata.annotations." + (recorded ? ArgoCdApps.RECORDED_WAVE_ANNOTATION : ArgoCdApps.WAVE_ANNOTATION);
	}

	private static Optional<ManifestObject> project(List<ManifestObject> objects, String name) {
		return PlatformRules.ofKind(objects, "AppProject")
			.stream()
			.filter((project) -> project.name().equals(name))
			.findFirst();
	}

	private static boolean isDestination(JsonNode projectSpec, String namespace) {
		for (JsonNode destination : projectSpec.path("destinations")) {
			String allowed = destination.path("namespace").asText();
			if (allowed.equals("*") || allowed.equals(namespace)) {
				return true;
			}
		}
		return false;
	}

	private static boolean permits(JsonNode entries, ArgoCdApps.Write write) {
		for (JsonNode entry : entries) {
			if (matches(entry, write)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(JsonNode entry, ArgoCdApps.Write write) {
		String group = entry.path("group").asText();
		String kind = entry.path("kind").asText();
		return (group.equals("*") || group.equals(write.group())) && (kind.equals("*") || kind.equals(write.kind()));
	}

}
