package io.meshgate.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each environment's Argo CD objects follow {@link ArgoCdRules}, and each rule rejects
 * its broken samples under {@code src/test/resources/broken/argocd}, naming the file, the
 * object and the field. A sample folder brings its own {@code chart-footprints.yaml}.
 */
class ArgoCdRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/argocd");

	private static final String BOOTSTRAP = "bootstrap creates only the projects and the root app";

	private static final String UNUSED_GRANTS = "projects grant only what apps write";

	private static final String FOOTPRINTS = "chart footprints match the charts";

	static Map<String, BiFunction<List<ManifestObject>, ChartFootprints, List<Violation>>> rules() {
		return Map.of(BOOTSTRAP, (objects, footprints) -> ArgoCdRules.bootstrapCreatesOnlyProjectsAndRoot(objects),
				"apps retry with backoff", (objects, footprints) -> ArgoCdRules.appsRetryWithBackoff(objects),
				"preserved apps keep their resources",
				(objects, footprints) -> ArgoCdRules.preservedAppsKeepTheirResources(objects),
				"projects permit what apps write", ArgoCdRules::projectsPermitWhatAppsWrite, UNUSED_GRANTS,
				ArgoCdRules::projectsGrantOnlyWhatAppsWrite, FOOTPRINTS, ArgoCdRules::footprintsMatchCharts,
				"services project is confined", (objects, footprints) -> ArgoCdRules.servicesProjectIsConfined(objects),
				"namespaces exist before their writers", ArgoCdRules::namespacesExistBeforeTheirWriters);
	}

	@TestFactory
	Stream<DynamicContainer> everyEnvironmentFollowsTheArgoCdRules() {
		ChartFootprints footprints = ChartFootprints.ofRepository();
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicContainer.dynamicContainer(env,
					rules().entrySet()
						.stream()
						.sorted(Map.Entry.comparingByKey())
						.map((rule) -> DynamicTest.dynamicTest(rule.getKey(), () -> {
							List<ManifestObject> objects = switch (rule.getKey()) {
								// What the first apply creates, not the whole bundle.
								case BOOTSTRAP -> bootstrap(env);
								// The environments share the projects and the footprints:
								// a
								// grant or a chart prod uses is used.
								case UNUSED_GRANTS, FOOTPRINTS -> withAppsOfEveryEnvironment(env);
								default -> RepositoryManifests.environment(env);
							};
							assertThat(objects).as("objects of %s", env).isNotEmpty();
							Violations.assertNone(rule.getValue().apply(objects, footprints));
						}))));
	}

	/** kind-up.sh's profiles have their own bootstraps (scripts/kind-profiles.yaml). */
	@Test
	void everyBootstrapCreatesOnlyTheProjectsAndTheRootApp() {
		List<Kustomize.Rendering> bootstraps = RepositoryManifests.renderings()
			.stream()
			.filter((rendering) -> rendering.dir().startsWith("argocd/bootstrap/overlays/"))
			.toList();
		assertThat(bootstraps).extracting(Kustomize.Rendering::dir).contains("argocd/bootstrap/overlays/kind-small");
		for (Kustomize.Rendering rendering : bootstraps) {
			Violations.assertNone(ArgoCdRules.bootstrapCreatesOnlyProjectsAndRoot(rendering.objects()));
		}
	}

	private static List<ManifestObject> bootstrap(String env) {
		return RepositoryManifests.renderings()
			.stream()
			.filter((rendering) -> rendering.dir().equals("argocd/bootstrap/overlays/" + env))
			.flatMap((rendering) -> rendering.objects().stream())
			.toList();
	}

	private static List<ManifestObject> withAppsOfEveryEnvironment(String env) {
		Stream<ManifestObject> otherApps = PlatformRulesTests.ENVIRONMENTS.stream()
			.filter((other) -> !other.equals(env))
			.flatMap((other) -> RepositoryManifests.environment(other).stream())
			.filter((object) -> object.is("Application") || object.is("ApplicationSet"));
		return Stream.concat(RepositoryManifests.environment(env).stream(), otherApps).toList();
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					bootstrap-with-child-app.yaml         | bootstrap creates only the projects and the root app | ''
					application-without-retry.yaml        | apps retry with backoff                | spec.syncPolicy.retry
					applicationset-without-retry.yaml     | apps retry with backoff                | spec.template.spec.syncPolicy.retry
					applicationset-preserve-with-finalizer.yaml | preserved apps keep their resources | spec.template.metadata.finalizers
					footprint-kube-system                 | projects permit what apps write        | spec.project
					service-app-writes-cluster-kinds.yaml | projects permit what apps write        | spec.project
					chart-repository-not-in-project.yaml  | projects permit what apps write        | spec.source.repoURL
					project-grants-unused-namespace.yaml  | projects grant only what apps write    | spec.destinations[1].namespace
					chart-version-not-read.yaml           | chart footprints match the charts      | spec.source.targetRevision
					services-project-cluster-kind.yaml    | services project is confined           | spec.clusterResourceWhitelist[0]
					services-project-other-namespace.yaml | services project is confined           | spec.destinations[1].namespace
					services-project-applications.yaml    | services project is confined           | spec.namespaceResourceWhitelist[1]
					services-project-rbac-wildcard.yaml   | services project is confined           | spec.namespaceResourceWhitelist[1]
					services-project-clusterrole.yaml     | services project is confined           | spec.namespaceResourceWhitelist[1]
					applicationset-platform-project.yaml  | services project is confined           | spec.template.spec.project
					shared-namespace-same-wave.yaml       | namespaces exist before their writers  | metadata.annotations.argocd.argoproj.io/sync-wave
					""")
	void catchesBrokenSample(String sample, String rule, String field) {
		Path path = SAMPLES.resolve(sample).toAbsolutePath();
		boolean folder = Files.isDirectory(path);
		List<ManifestObject> objects = Yaml.objects(folder ? path.resolve("objects.yaml") : path);
		ChartFootprints footprints = folder ? ChartFootprints.load(path.resolve("chart-footprints.yaml"))
				: ChartFootprints.ofRepository();
		List<Violation> violations = rules().get(rule).apply(objects, footprints);
		String file = folder ? sample + "/objects.yaml" : sample;
		BrokenSamples.assertCaught(violations, file, field);
	}

}
