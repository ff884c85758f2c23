package io.meshgate.manifests;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kustomization in the repository renders, and every object it renders is valid for
 * its kind: no unknown field, no wrong type, no value outside an enum.
 */
class KustomizationsTests {

	@TestFactory
	Stream<DynamicTest> everyKustomizationRendersValidObjects() {
		List<Kustomize.Rendering> renderings = RepositoryManifests.renderings();
		assertThat(renderings).as("kustomizations found").isNotEmpty();
		return renderings.stream().map((rendering) -> DynamicTest.dynamicTest(rendering.dir(), () -> check(rendering)));
	}

	private static void check(Kustomize.Rendering rendering) {
		assertThat(rendering.error()).as("rendering %s", rendering.dir()).isNull();
		assertThat(rendering.objects()).as("objects rendered by %s", rendering.dir()).isNotEmpty();
		Violations.assertNone(RepositoryManifests.violationsOf(rendering));
	}

}
