package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway configuration and an ingress policy that disagree, under
 * {@code src/test/resources/broken/public-paths}: each difference is reported with the
 * policy's file, object and field, and the gateway entry it concerns.
 */
class PublicPathsCheckTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/public-paths").toAbsolutePath();

	private static final String POLICY = "authorizationpolicy-meshgate-ingress.yaml";

	private final List<Violation> violations = PublicPathsCheck.compare(SAMPLES.resolve("application.yaml"),
			Yaml.objects(SAMPLES.resolve(POLICY)));

	@Test
	void reportsAPublicPathTheIngressDoesNotExclude() {
		assertThat(this.violations).anySatisfy((violation) -> {
			assertLocated(violation, "spec.rules[2].to");
			assertThat(violation.problem()).contains("GET,HEAD /api/reviews/**")
				.contains("public-paths[3]")
				.contains("the ingress asks for a token");
		});
	}

	@Test
	void reportsAnExclusionTheGatewayDoesNotKnow() {
		assertThat(this.violations).anySatisfy((violation) -> {
			assertLocated(violation, "spec.rules[2].to[2].operation.paths[0]");
			assertThat(violation.problem()).contains("any method /api/members/*")
				.contains("is not public in the gateway");
		});
	}

	@Test
	void reportsDifferentMethodsForTheSamePath() {
		assertThat(this.violations)
			.anySatisfy((violation) -> assertThat(violation.problem()).startsWith("POST /api/accounts (")
				.contains("not excluded here"))
			.anySatisfy((violation) -> {
				assertLocated(violation, "spec.rules[2].to[0].operation.paths[0]");
				assertThat(violation.problem()).startsWith("GET,POST /api/accounts is let through");
			});
	}

	@Test
	void reportsAPatternIstioCannotExpress() {
		assertThat(this.violations).anySatisfy((violation) -> {
			assertLocated(violation, "spec.rules[2].to");
			assertThat(violation.problem()).contains("/api/catalog/*/items").contains("has no Istio path form");
		});
	}

	@Test
	void acceptsWhatBothListTheSame() {
		assertThat(this.violations).noneSatisfy(
				(violation) -> assertThat(violation.problem()).containsAnyOf("/api/products", "/login", "OPTIONS"));
	}

	private static void assertLocated(Violation violation, String field) {
		assertThat(violation.file()).endsWith("broken/public-paths/" + POLICY);
		assertThat(violation.object()).isEqualTo("AuthorizationPolicy istio-ingress/meshgate-ingress");
		assertThat(violation.field()).isEqualTo(field);
	}

}
