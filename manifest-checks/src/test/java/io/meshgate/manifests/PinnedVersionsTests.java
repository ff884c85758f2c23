package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every version the manifests and scripts/kind-up.sh pin is listed in docs/versions.md
 * (the image build's pins in the root pom: ImageBuildRulesTests), which says where and
 * when it was confirmed upstream; broken samples under
 * {@code src/test/resources/broken/versions} prove each check fails.
 */
class PinnedVersionsTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/versions").toAbsolutePath();

	private static final Path KIND_UP = Repository.root().resolve("scripts/kind-up.sh");

	private static final VersionsTable TABLE = VersionsTable.read(Repository.root().resolve("docs/versions.md"));

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyVersionAnEnvironmentPinsIsConfirmed(String env) {
		List<PinnedVersions.Pin> pins = PinnedVersions.of(RepositoryManifests.environment(env));

		assertThat(pins).as("pins of %s", env).isNotEmpty();
		Violations.assertNone(TABLE.unconfirmed(pins));
	}

	@Test
	void everyVersionKindUpPinsIsConfirmed() {
		List<PinnedVersions.Pin> pins = PinnedVersions.ofScript(KIND_UP);

		assertThat(pins).isNotEmpty();
		Violations.assertNone(TABLE.unconfirmed(pins));
	}

	@Test
	void everyRowSaysWhereAndWhenItWasConfirmed() {
		assertThat(TABLE.rows()).isNotEmpty();
		Violations.assertNone(TABLE.incompleteRows());
	}

	@Test
	void everyRowIsStillPinned() {
		List<PinnedVersions.Pin> pins = new ArrayList<>(PinnedVersions.ofScript(KIND_UP));
		pins.addAll(ImageBuild.read(Repository.root()).pins());
		for (String env : PlatformRulesTests.ENVIRONMENTS) {
			pins.addAll(PinnedVersions.of(RepositoryManifests.environment(env)));
		}
		Violations.assertNone(TABLE.rowsNotPinned(pins));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			application-chart-unlisted.yaml | spec.source.targetRevision
			image-unlisted.yaml             | spec.template.spec.initContainers[0].image
			chart-values-tag-unlisted.yaml  | spec.source.helm.valuesObject.image.tag
			release-url-unlisted.yaml       | spec.additionalManifests[0].URL
			operand-version-unlisted.yaml   | spec.version
			""")
	void catchesAVersionMissingFromTheTable(String sample, String field) {
		List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve(sample));

		assertThat(TABLE.unconfirmed(PinnedVersions.of(objects))).anySatisfy((violation) -> {
			assertThat(violation.file()).endsWith(sample);
			assertThat(violation.object()).isNotBlank();
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.problem()).contains("is not in docs/versions.md");
		});
	}

	@Test
	void catchesAScriptPinMissingFromTheTable() {
		List<PinnedVersions.Pin> pins = PinnedVersions.ofScript(SAMPLES.resolve("kind-up-unlisted.sh"));

		assertThat(TABLE.unconfirmed(pins)).singleElement().satisfies((violation) -> {
			assertThat(violation.file()).endsWith("kind-up-unlisted.sh");
			assertThat(violation.object()).isEqualTo("line 4");
			assertThat(violation.field()).isEqualTo("ARGOCD_VERSION");
		});
	}

	@Test
	void catchesARowThatDoesNotSayWhereOrWhenItWasConfirmed() {
		VersionsTable table = VersionsTable.read(SAMPLES.resolve("versions-unconfirmed.md"));

		assertThat(table.incompleteRows()).extracting(Violation::field).containsExactly("confirmed at", "date");
		assertThat(table.incompleteRows()).allSatisfy((violation) -> {
			assertThat(violation.file()).endsWith("versions-unconfirmed.md");
			assertThat(violation.object()).isEqualTo("row at line 5");
		});
	}

	@Test
	void catchesARowNothingPinsAnyMore() {
		VersionsTable table = VersionsTable.read(SAMPLES.resolve("versions-unconfirmed.md"));

		assertThat(table.rowsNotPinned(List.of())).singleElement()
			.satisfies((violation) -> assertThat(violation.problem()).contains("'redis 7.4.6-alpine'"));
	}

	@Test
	void namesEachKindOfPinAsTheTableDoes() {
		List<PinnedVersions.Pin> pins = PinnedVersions.of(
				objects("""
						apiVersion: argoproj.io/v1alpha1
						kind: Application
						metadata: {name: kiali}
						spec:
						  source:
						    repoURL: https://kiali.org/helm-charts
						    chart: kiali-server
						    targetRevision: 2.31.0
						    helm:
						      valuesObject:
						        deployment: {image_version: v2.31.0}
						        image: {registry: quay.io, repository: kiali/kiali, tag: v2.31.0}
						---
						apiVersion: operator.knative.dev/v1beta1
						kind: KnativeEventing
						metadata: {name: knative-eventing, namespace: knative-eventing}
						spec:
						  version: "1.22"
						  additionalManifests:
						    - URL: https://github.com/knative-extensions/eventing-istio/releases/download/knative-v1.22.0/eventing-istio.yaml
						---
						apiVersion: postgresql.cnpg.io/v1
						kind: Cluster
						metadata: {name: auth-db}
						spec: {imageName: "ghcr.io/cloudnative-pg/postgresql:17.5@sha256:0123"}
						"""));

		assertThat(pins).extracting(PinnedVersions.Pin::toString)
			.containsExactlyInAnyOrder("kiali.org/helm-charts/kiali-server 2.31.0",
					"kiali.org/helm-charts/kiali-server deployment v2.31.0", "quay.io/kiali/kiali v2.31.0",
					"operator.knative.dev/KnativeEventing 1.22",
					"github.com/knative-extensions/eventing-istio knative-v1.22.0",
					"ghcr.io/cloudnative-pg/postgresql 17.5@sha256:0123");
	}

	@Test
	void skipsTheImagesThisRepositoryBuilds() {
		List<PinnedVersions.Pin> pins = PinnedVersions.of(objects("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: api-gateway}
				spec:
				  template:
				    spec:
				      containers: [{name: api-gateway, image: "meshgate/api-gateway:0.1.0"}]
				"""));

		assertThat(pins).isEmpty();
	}

	private static List<ManifestObject> objects(String yaml) {
		return Yaml.documents(yaml).stream().map((tree) -> new ManifestObject("test", tree)).toList();
	}

}
