package io.meshgate.manifests;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered AuthorizationPolicies of each environment allow exactly what
 * {@code istio/access-matrix.yaml} allows.
 */
class AccessMatrixTests {

	@TestFactory
	Stream<DynamicContainer> policiesImplementTheMatrix() {
		AccessMatrix matrix = AccessMatrix.ofRepository();
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicContainer.dynamicContainer(env,
					Stream.of(
							DynamicTest.dynamicTest(
									"every row decides as written",
									() -> assertThat(AccessMatrixCheck.contradictedRows(matrix, objects(env)))
										.isEmpty()),
							DynamicTest.dynamicTest(
									"nothing outside the matrix is allowed",
									() -> assertThat(AccessMatrixCheck.decisionsOutsideTheMatrix(matrix, objects(env)))
										.isEmpty()),
							DynamicTest.dynamicTest("pending principals are still pending",
									() -> assertThat(matrix.pendingPrincipals())
										.as("principals whose ServiceAccount now exists: remove them from "
												+ "pendingPrincipals in istio/access-matrix.yaml")
										.noneMatch((principal) -> PlatformRules.hasServiceAccount(objects(env),
												principal))))));
	}

	private static List<ManifestObject> objects(String env) {
		return RepositoryManifests.environment(env);
	}

}
