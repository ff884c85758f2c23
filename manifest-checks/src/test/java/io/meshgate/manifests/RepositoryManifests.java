package io.meshgate.manifests;

import java.util.List;
import java.util.Map;

/**
 * Every kustomization of the repository rendered and validated once per JVM: the Node
 * process that checks Argo CD and CloudNativePG objects takes seconds to start, so all
 * objects go through one run.
 */
final class RepositoryManifests {

	private static List<Kustomize.Rendering> renderings;

	private static Map<ManifestObject, List<Violation>> violations;

	private RepositoryManifests() {
	}

	static synchronized List<Kustomize.Rendering> renderings() {
		if (renderings == null) {
			// Renderings are independent processes: two at a time halves the wait on two
			// cores.
			renderings = Repository.kustomizations().parallelStream().map(Kustomize::render).toList();
		}
		return renderings;
	}

	static synchronized List<Violation> violationsOf(Kustomize.Rendering rendering) {
		if (violations == null) {
			violations = validateAll();
		}
		return rendering.objects().stream().flatMap((object) -> violations.get(object).stream()).toList();
	}

	/**
	 * The objects that one environment's cluster receives: every {@code overlays/<env>}.
	 * Rules that relate objects to each other run on these bundles.
	 */
	static List<ManifestObject> environment(String env) {
		return renderings().stream()
			.filter((rendering) -> rendering.dir().endsWith("overlays/" + env))
			.flatMap((rendering) -> rendering.objects().stream())
			.toList();
	}

	private static Map<ManifestObject, List<Violation>> validateAll() {
		return ManifestValidator
			.validateEach(renderings().stream().flatMap((rendering) -> rendering.objects().stream()).toList());
	}

}
