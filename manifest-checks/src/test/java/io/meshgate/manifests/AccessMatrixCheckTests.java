package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A policy that allows more than its matrix is caught in both directions. */
class AccessMatrixCheckTests {

	private static final Path SAMPLES = Path.of("src/test/resources/broken/matrix").toAbsolutePath();

	private static final Path TCP_SAMPLES = Path.of("src/test/resources/broken/matrix-tcp").toAbsolutePath();

	private final AccessMatrix matrix = AccessMatrix.load(SAMPLES.resolve("access-matrix.yaml"));

	private final List<ManifestObject> objects = Yaml.objects(SAMPLES.resolve("objects.yaml"));

	private final AccessMatrix tcpMatrix = AccessMatrix.load(TCP_SAMPLES.resolve("access-matrix.yaml"));

	private final List<ManifestObject> tcpObjects = Yaml.objects(TCP_SAMPLES.resolve("objects.yaml"));

	@Test
	void reportsARowThePoliciesContradict() {
		assertThat(AccessMatrixCheck.contradictedRows(this.matrix, this.objects)).singleElement()
			.asString()
			.contains("objects.yaml")
			.contains("cluster.local/ns/meshgate/sa/caller -> target:8080 DELETE /orders denied");
	}

	@Test
	void reportsAnAllowanceNoRowGrants() {
		assertThat(AccessMatrixCheck.decisionsOutsideTheMatrix(this.matrix, this.objects))
			.anySatisfy((line) -> assertThat(line).contains("caller -> target:8081 GET /orders is allowed but no row"));
	}

	@Test
	void closedPlatformWorkloadsAreCheckedInBothDirections() {
		Path samples = Path.of("src/test/resources/broken/knative-mesh").toAbsolutePath();
		AccessMatrix matrix = AccessMatrix.load(samples.resolve("access-matrix-closed-platform.yaml"));
		List<ManifestObject> objects = Yaml.objects(samples.resolve("activator-open-to-anyone.yaml"));
		assertThat(AccessMatrixCheck.decisionsOutsideTheMatrix(matrix, objects)).anySatisfy(
				(line) -> assertThat(line).contains("anonymous -> activator:8012 POST / is allowed but no row"));
	}

	@Test
	void reportsATcpRowThatAnHttpOnlyFieldDefeats() {
		assertThat(AccessMatrixCheck.contradictedRows(this.tcpMatrix, this.tcpObjects))
			.anySatisfy((line) -> assertThat(line).contains("sa/caller -> cache:6379 TCP allowed")
				.contains("the policies decide otherwise"));
	}

	@Test
	void reportsAnHttpRowForATcpPort() {
		assertThat(AccessMatrixCheck.contradictedRows(this.tcpMatrix, this.tcpObjects))
			.anySatisfy((line) -> assertThat(line).contains("sa/caller -> cache:6379 GET / denied")
				.contains("port 6379 is TCP"));
	}

	@Test
	void reportsATcpConnectionNoRowGrants() {
		assertThat(AccessMatrixCheck.decisionsOutsideTheMatrix(this.tcpMatrix, this.tcpObjects))
			.anySatisfy((line) -> assertThat(line).endsWith(
					"objects.yaml: cluster.local/ns/meshgate/sa/other -> cache:6379 TCP is allowed but no row allows it"));
	}

}
