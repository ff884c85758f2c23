package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain services get the shape of {@code domain-services/k8s-components} in every
 * environment, and each rule catches its broken sample under
 * {@code src/test/resources/broken/service-shape}.
 */
class ServiceShapeRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/service-shape");

	private static final Map<String, Function<List<ManifestObject>, List<Violation>>> RULES = Map.of(
			"shut down gracefully", ServiceShapeRules::domainServicesShutDownGracefully, "ride out disruptions",
			ServiceShapeRules::domainServicesRideOutDisruptions);

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServiceFolderRendersADomainService(String env) {
		List<String> rendered = ServiceShapeRules.domainServices(RepositoryManifests.environment(env))
			.stream()
			.map(ManifestObject::name)
			.sorted()
			.toList();

		assertThat(rendered).isEqualTo(serviceFolders());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void domainServicesShutDownGracefully(String env) {
		Violations.assertNone(ServiceShapeRules.domainServicesShutDownGracefully(RepositoryManifests.environment(env)));
	}

	@Test
	void prodDomainServicesRideOutDisruptions() {
		Violations
			.assertNone(ServiceShapeRules.domainServicesRideOutDisruptions(RepositoryManifests.environment("prod")));
	}

	@Test
	void serviceFoldersUseTheShapeAndRepeatNoneOfIt() {
		Path services = Repository.root().resolve("domain-services");

		Violations.assertNone(ServiceShapeRules.servicesUseTheShape(services, services.resolve("k8s-components")));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					deployment-without-prestop.yaml      | shut down gracefully | spec.template.spec.containers[0].lifecycle.preStop.sleep.seconds
					deployment-grace-too-short.yaml      | shut down gracefully | spec.template.spec.terminationGracePeriodSeconds
					prod-without-disruption-budget.yaml  | ride out disruptions | spec.template.metadata.labels
					""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample).toAbsolutePath());

		assertThat(RULES.get(rule).apply(objects)).as("violations of %s", sample).anySatisfy((violation) -> {
			assertThat(violation.file()).endsWith(sample);
			assertThat(violation.object()).isNotBlank();
			assertThat(violation.field()).isEqualTo(field);
		});
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			copied-service/k8s/base/deployment-copied-service.yaml                        | metadata.name
			copied-service/k8s/overlays/prod/horizontalpodautoscaler-copied-service.yaml  | spec.maxReplicas
			copied-service/k8s/overlays/prod/kustomization.yaml                           | components
			unshaped-service/k8s/base/kustomization.yaml                                  | components
			""")
	void catchesServiceFolderThatLeavesOrCopiesTheShape(String file, String field, @TempDir Path services)
			throws IOException {
		Path components = Repository.root().resolve("domain-services/k8s-components");
		copyServiceSamples(services);

		List<Violation> violations = ServiceShapeRules.servicesUseTheShape(services, components);

		assertThat(violations).anySatisfy((violation) -> {
			assertThat(violation.file()).endsWith(file);
			assertThat(violation.object()).isNotBlank();
			assertThat(violation.field()).isEqualTo(field);
		});
	}

	/**
	 * The sample service folders keep their kustomizations as
	 * {@code kustomization.yaml.sample}: they are broken on purpose (one cannot render),
	 * and no tool that renders every kustomization of the tree should pick them up. The
	 * copy gets the real names back.
	 */
	private static void copyServiceSamples(Path target) throws IOException {
		Path source = SAMPLES.resolve("services");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = target.resolve(source.relativize(file).toString().replaceFirst("\\.sample$", ""));
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
	}

	/** The service folders: every folder of domain-services with a {@code k8s} folder. */
	private static List<String> serviceFolders() {
		try (Stream<Path> folders = Files.list(Repository.root().resolve("domain-services"))) {
			return folders.filter((folder) -> Files.isDirectory(folder.resolve("k8s")))
				.map((folder) -> folder.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
