package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every environment's databases run the PostgreSQL major the tests run. */
class PostgresMajorTests {

	private static final String EMBEDDED = PostgresMajor.embedded(Repository.root().resolve("pom.xml"));

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void clustersRunTheMajorTheTestsRun(String env) {
		List<ManifestObject> objects = RepositoryManifests.environment(env);
		assertThat(PlatformRules.ofKind(objects, "Cluster")).as("CloudNativePG Clusters of %s", env).isNotEmpty();
		Violations.assertNone(PostgresMajor.clustersRunTheEmbeddedMajor(objects, EMBEDDED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "cluster-other-major.yaml", "cluster-untagged.yaml" })
	void catchesBrokenSample(String sample) {
		List<ManifestObject> objects = Yaml
			.objects(Path.of("src/test/resources/broken/postgres-major").resolve(sample).toAbsolutePath());
		BrokenSamples.assertCaught(PostgresMajor.clustersRunTheEmbeddedMajor(objects, EMBEDDED), sample,
				"spec.imageName");
	}

}
