package io.meshgate.manifests;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * In each environment the ingress lets through without a token exactly the API paths the
 * gateway serves without one.
 */
class PublicPathsTests {

	@TestFactory
	Stream<DynamicTest> ingressExclusionsAreTheGatewayPublicPaths() {
		return PlatformRulesTests.ENVIRONMENTS.stream()
			.map((env) -> DynamicTest.dynamicTest(env,
					() -> Violations.assertNone(PublicPathsCheck.ofRepository(RepositoryManifests.environment(env)))));
	}

}
