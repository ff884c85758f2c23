package io.meshgate.manifests;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's custom resources are checked against the CRD it commits (the broken
 * samples of {@link StrictValidationTests} show each kind of problem being caught).
 */
class CustomResourceValidatorTests {

	@Test
	void validSyncerHasNoViolations() {
		ManifestObject syncer = syncer("""
				direction: import
				appName: LEGACY-BILLING
				host: billing.legacy.internal
				port: 80
				eurekaUrls: [http://eureka.legacy.example:8761/eureka]
				""");

		assertThat(CustomResourceValidator.covers(syncer)).isTrue();
		assertThat(CustomResourceValidator.validate(syncer)).isEmpty();
	}

	@Test
	void wrongTypesInListsAndOutOfRangeNumbersAreReported() {
		ManifestObject syncer = syncer("""
				direction: export
				appName: ORDERS
				service: orders
				port: 70000
				eurekaUrls: [8761]
				selector: {app: 1}
				""");

		assertThat(CustomResourceValidator.validate(syncer)).extracting(Violation::field)
			.containsExactlyInAnyOrder("spec.port", "spec.eurekaUrls[0]", "spec.selector.app");
	}

	@Test
	void kindsWithoutACommittedCrdAreNotCovered() {
		ManifestObject widget = new ManifestObject("test", Yaml.documents("""
				apiVersion: example.com/v1
				kind: Widget
				metadata: {name: sample}
				""").get(0));

		assertThat(CustomResourceValidator.covers(widget)).isFalse();
	}

	private static ManifestObject syncer(String spec) {
		String yaml = """
				apiVersion: discovery.meshgate.io/v1alpha1
				kind: EurekaSyncer
				metadata: {name: sample, namespace: meshgate}
				spec:
				""" + spec.indent(2);
		List<com.fasterxml.jackson.databind.node.ObjectNode> documents = Yaml.documents(yaml);
		return new ManifestObject("test", documents.get(0));
	}

}
