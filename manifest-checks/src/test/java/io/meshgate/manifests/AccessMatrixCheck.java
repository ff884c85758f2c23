package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the decisions of rendered AuthorizationPolicies with an access matrix, in both
 * directions: each row decides as written, and every other combination of a known
 * principal, a workload port, a method and a path is denied.
 */
final class AccessMatrixCheck {

	private static final List<String> PROBE_METHODS = List.of("GET", "POST", "DELETE");

	private static final List<String> PROBE_PATHS = List.of("/", "/admin");

	private AccessMatrixCheck() {
	}

	static List<String> contradictedRows(AccessMatrix matrix, List<ManifestObject> objects) {
		Mesh mesh = Mesh.of(objects);
		List<String> wrong = new ArrayList<>();
		for (AccessMatrix.Row row : matrix.rows()) {
			ManifestObject workload = mesh.workload(row.to());
			String method = row.method().equals(AccessMatrix.ANY) ? "GET" : row.method();
			String path = row.path().equals(AccessMatrix.ANY) ? "/" : row.path();
			if (mesh.allows(row.request(method, path), workload) != row.allowed()) {
				wrong.add(workload.file() + ": " + row + " in istio/access-matrix.yaml, the policies decide otherwise");
			}
		}
		return wrong;
	}

	static List<String> decisionsOutsideTheMatrix(AccessMatrix matrix, List<ManifestObject> objects) {
		Mesh mesh = Mesh.of(objects);
		List<String> wrong = new ArrayList<>();
		for (ManifestObject workload : mesh.workloads()) {
			String to = workload.name();
			for (String from : principals(matrix, mesh)) {
				for (int port : mesh.ports(workload)) {
					for (String method : methods(matrix, to)) {
						for (String path : paths(matrix, to)) {
							AccessMatrix.Row probe = new AccessMatrix.Row(from, null, to, port, method, path, false);
							boolean expected = matrix.decisive(from, to, port, method, path)
								.map(AccessMatrix.Row::allowed)
								.orElse(false);
							if (mesh.allows(probe.request(method, path), workload) != expected) {
								wrong.add(workload.file() + ": " + from + " -> " + to + ":" + port + " " + method + " "
										+ path + (expected ? " must be allowed" : " is allowed but no row allows it"));
							}
						}
					}
				}
			}
		}
		return wrong;
	}

	private static Set<String> principals(AccessMatrix matrix, Mesh mesh) {
		Set<String> principals = new LinkedHashSet<>();
		matrix.rows().forEach((row) -> principals.add(row.from()));
		principals.addAll(matrix.platformPrincipals());
		principals.addAll(matrix.pendingPrincipals());
		principals.addAll(mesh.serviceAccountPrincipals());
		principals.add(AccessMatrix.ANONYMOUS);
		return principals;
	}

	private static Set<String> methods(AccessMatrix matrix, String to) {
		Set<String> methods = new LinkedHashSet<>(PROBE_METHODS);
		matrix.rows()
			.stream()
			.filter((row) -> row.to().equals(to) && !row.method().equals(AccessMatrix.ANY))
			.forEach((row) -> methods.add(row.method()));
		return methods;
	}

	private static Set<String> paths(AccessMatrix matrix, String to) {
		Set<String> paths = new LinkedHashSet<>(PROBE_PATHS);
		matrix.rows()
			.stream()
			.filter((row) -> row.to().equals(to) && !row.path().equals(AccessMatrix.ANY))
			.forEach((row) -> paths.add(row.path()));
		return paths;
	}

}
