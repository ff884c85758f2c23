package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Argo CD apps of a bundle and what each one writes: an Application, or one app per
 * folder an ApplicationSet's git generator matches. A repository path is rendered with
 * kustomize; a Helm chart is looked up in {@code argocd/chart-footprints.yaml}.
 */
final class ArgoCdApps {

	static final String WAVE_ANNOTATION = "argocd.argoproj.io/sync-wave";

	/**
	 * Where prod keeps the wave, which Argo CD does not act on
	 * (argocd/apps/overlays/prod).
	 */
	static final String RECORDED_WAVE_ANNOTATION = "meshgate.io/sync-wave";

	/**
	 * Kinds that have no namespace. Any other kind rendered without one lands in the
	 * app's destination namespace.
	 */
	static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
			"ClusterRoleBinding", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
			"ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ClusterIssuer", "IngressClass",
			"GatewayClass", "PriorityClass", "StorageClass", "PersistentVolume", "APIService");

	private ArgoCdApps() {
	}

	/**
	 * One app as Argo CD syncs it.
	 *
	 * @param owner the Application, or the ApplicationSet that generates it
	 * @param spec path of the Application spec inside the owner ({@code spec} or
	 * {@code spec.template.spec})
	 * @param name the app's name
	 * @param path the repository folder it syncs, or {@code null} for a chart
	 */
	record App(ManifestObject owner, String spec, String name, String path) {

		JsonNode specNode() {
			return this.spec.equals("spec") ? this.owner.tree().path("spec")
					: this.owner.tree().path("spec").path("template").path("spec");
		}

		String project() {
			return specNode().path("project").asText();
		}

		String destinationNamespace() {
			return specNode().path("destination").path("namespace").asText();
		}

		JsonNode source() {
			return specNode().path("source");
		}

		boolean createsNamespace() {
			return StreamSupport.stream(specNode().path("syncPolicy").path("syncOptions").spliterator(), false)
				.anyMatch((option) -> option.asText().equals("CreateNamespace=true"));
		}

		int wave() {
			JsonNode annotations = this.owner.tree().path("metadata").path("annotations");
			JsonNode wave = annotations.has(WAVE_ANNOTATION) ? annotations.path(WAVE_ANNOTATION)
					: annotations.path(RECORDED_WAVE_ANNOTATION);
			return Integer.parseInt(wave.asText("0"));
		}

		String describe() {
			return (this.path != null) ? "app " + this.name + " (" + this.path + ")"
					: "app " + this.name + " (chart " + source().path("chart").asText() + ")";
		}

	}

	/**
	 * One thing an app writes.
	 *
	 * @param group API group, {@code ""} for the core group
	 * @param kind the kind, {@code *} for a chart's namespaced objects
	 * @param namespace where it lands, {@code ""} for a cluster-scoped kind
	 * @param name the object's name, or what wrote it for a chart
	 */
	record Write(String group, String kind, String namespace, String name) {

		boolean clusterScoped() {
			return this.namespace.isEmpty();
		}

		String describe() {
			if (this.kind.equals("*")) {
				return "objects into namespace " + this.namespace + " " + this.name;
			}
			String where = clusterScoped() ? "" : this.namespace + "/";
			return (this.group.isEmpty() ? "" : this.group + "/") + this.kind + " " + where + this.name;
		}

	}

	static List<App> of(List<ManifestObject> objects) {
		List<App> apps = new ArrayList<>();
		for (ManifestObject application : PlatformRules.ofKind(objects, "Application")) {
			JsonNode source = application.tree().path("spec").path("source");
			String path = source.has("chart") ? null : source.path("path").asText();
			apps.add(new App(application, "spec", application.name(), path));
		}
		for (ManifestObject set : PlatformRules.ofKind(objects, "ApplicationSet")) {
			for (Path dir : generatedFolders(set)) {
				String path = Repository.relative(dir);
				// The name the template gives: the folder four segments above the
				// overlay.
				String[] segments = path.split("/");
				String name = segments[Math.max(0, segments.length - 4)];
				apps.add(new App(set, "spec.template.spec", name, path));
			}
		}
		return apps;
	}

	private static List<Path> generatedFolders(ManifestObject set) {
		List<Path> folders = new ArrayList<>();
		List<Path> excluded = new ArrayList<>();
		for (JsonNode generator : set.tree().path("spec").path("generators")) {
			for (JsonNode directory : generator.path("git").path("directories")) {
				List<Path> matches = PlatformRules.matching(directory.path("path").asText());
				(directory.path("exclude").asBoolean() ? excluded : folders).addAll(matches);
			}
		}
		folders.removeAll(excluded);
		return folders.stream().distinct().toList();
	}

	/** What the app writes; empty for a chart the footprints do not list. */
	static List<Write> writes(App app, ChartFootprints footprints) {
		if (app.path() == null) {
			return footprints.of(app.source()).map((footprint) -> footprint.writes(app.name())).orElse(List.of());
		}
		List<Write> writes = new ArrayList<>();
		for (ManifestObject object : Kustomize.render(Repository.root().resolve(app.path())).objects()) {
			String group = object.apiVersion().contains("/") ? object.apiVersion().split("/")[0] : "";
			boolean cluster = CLUSTER_SCOPED.contains(object.kind());
			String namespace = cluster ? ""
					: Optional.of(object.namespace()).filter((ns) -> !ns.isEmpty()).orElse(app.destinationNamespace());
			writes.add(new Write(group, object.kind(), namespace, object.name()));
		}
		return writes;
	}

}
