package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment runs the images the Maven build produces, as their user and with the
 * agent where the image holds it; each rule catches its broken sample under
 * {@code src/test/resources/broken/images}.
 */
class ImageBuildRulesTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/images").toAbsolutePath();

	private static final ImageBuild BUILD = ImageBuild.read(Repository.root());

	private static final Map<String, BiFunction<List<ManifestObject>, ImageBuild, List<Violation>>> RULES = Map.of(
			"built", ImageBuildRules::imagesAreBuilt, "deployed", ImageBuildRules::builtImagesAreDeployed, "user",
			ImageBuildRules::imagesRunAsTheImageUser, "agent", ImageBuildRules::agentPathsAreInTheImage);

	@Test
	void readsTheImageBuildFromThePoms() {
		assertThat(BUILD.modules())
			.contains("api-gateway", "auth-service", "member-service", "product-service", "review-service",
					"storefront-service", "notification-knative", "discovery-bridge")
			.doesNotContain("logging-support", "service-support", "manifest-checks", "local-platform");
		assertThat(BUILD.version()).isNotBlank();
		assertThat(BUILD.user()).isEqualTo(65532);
		assertThat(BUILD.otelFiles()).containsExactly("/otel/agent.properties", "/otel/opentelemetry-javaagent.jar");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void everyEnvironmentRunsWhatTheBuildProduces(String env) {
		List<ManifestObject> objects = RepositoryManifests.environment(env);

		for (BiFunction<List<ManifestObject>, ImageBuild, List<Violation>> rule : RULES.values()) {
			Violations.assertNone(rule.apply(objects, BUILD));
		}
	}

	@Test
	void theAgentIsAttachedSomewhere() {
		// Otherwise the agent rule would pass for want of anything to check.
		assertThat(RepositoryManifests.environment("dev")).filteredOn((object) -> object.is("ConfigMap"))
			.anySatisfy((map) -> assertThat(map.tree().path("data").path("JAVA_TOOL_OPTIONS").asText())
				.contains("-javaagent:/otel/opentelemetry-javaagent.jar"));
	}

	@Test
	void imageBuildPinsAreConfirmed() {
		VersionsTable table = VersionsTable.read(Repository.root().resolve("docs/versions.md"));

		assertThat(BUILD.pins()).extracting(PinnedVersions.Pin::toString)
			.containsExactly("com.google.cloud.tools:jib-maven-plugin 3.5.2", "eclipse-temurin 25-jre");
		Violations.assertNone(table.unconfirmed(BUILD.pins()));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			image-not-built.yaml            | built | spec.template.spec.containers[0].image
			image-tag-not-the-version.yaml  | built | spec.template.spec.containers[0].image
			image-runs-as-another-user.yaml | user  | spec.template.spec.securityContext.runAsUser
			container-user-overrides.yaml   | user  | spec.template.spec.containers[0].securityContext.runAsUser
			agent-not-in-the-image.yaml     | agent | data.JAVA_TOOL_OPTIONS
			agent-config-not-in-image.yaml  | agent | spec.template.spec.containers[0].env[0].value
			""")
	void catchesBrokenSample(String sample, String rule, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample));

		assertThat(RULES.get(rule).apply(objects, BUILD)).as("violations of %s", sample).anySatisfy((violation) -> {
			assertThat(violation.file()).endsWith(sample);
			assertThat(violation.object()).isNotBlank();
			assertThat(violation.field()).isEqualTo(field);
		});
	}

	@Test
	void catchesABuiltImageNothingRuns() {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve("image-not-built.yaml"));

		assertThat(ImageBuildRules.builtImagesAreDeployed(objects, BUILD)).anySatisfy((violation) -> {
			assertThat(violation.file()).isEqualTo("pom.xml");
			assertThat(violation.object()).isEqualTo("module api-gateway");
			assertThat(violation.field()).isEqualTo("meshgate.image.skip");
		});
	}

	@Test
	void acceptsAnOverlayThatRunsAReleasePublishedToARegistry() {
		// What an overlay's images: entry with newName and newTag renders.
		List<ManifestObject> objects = Yaml.documents("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: api-gateway, namespace: meshgate}
				spec:
				  template:
				    spec:
				      containers: [{name: api-gateway, image: "ghcr.io/example/meshgate/api-gateway:0.0.9"}]
				""").stream().map((tree) -> new ManifestObject("overlay", tree)).toList();

		Violations.assertNone(ImageBuildRules.imagesAreBuilt(objects, BUILD));
	}

}
