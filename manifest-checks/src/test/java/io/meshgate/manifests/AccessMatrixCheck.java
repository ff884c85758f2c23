package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the decisions of rendered AuthorizationPolicies with an access matrix, in both
 * directions: each row decides as written, and every other combination of a known
 * principal, a workload port, a method and a path is denied (on Meshgate's workloads, and
 * on the platform workloads the matrix marks closed). On a TCP port (see
 * {@link Mesh#tcpPorts}) a combination is a principal and the port: rows there name no
 * method and path, and rows on other ports must name both.
 */
final class AccessMatrixCheck {

	private static final List<String> PROBE_METHODS = List.of("GET", "POST", "DELETE");

	private static final List<String> PROBE_PATHS = List.of("/", "/admin");

	private AccessMatrixCheck() {
	}

	static List<String> contradictedRows(AccessMatrix matrix, List<ManifestObject> objects) {
		Mesh mesh = Mesh.of(matrix, objects);
		List<String> wrong = new ArrayList<>();
		for (AccessMatrix.Row row : matrix.rows()) {
			ManifestObject workload = mesh.workload(row.to());
			boolean tcpPort = mesh.tcpPorts(workload).contains(row.port());
			if (tcpPort ? !row.tcp() : !row.http()) {
				wrong.add(workload.file() + ": " + row + " in istio/access-matrix.yaml: port " + row.port()
						+ (tcpPort ? " is TCP, a row for it names no method, path or requestPrincipal"
								: " is HTTP, a row for it names a method and a path"));
				continue;
			}
			String method = AccessMatrix.ANY.equals(row.method()) ? "GET" : row.method();
			String path = AccessMatrix.ANY.equals(row.path()) ? "/" : row.path();
			if (mesh.allows(row.request(method, path), workload) != row.allowed()) {
				wrong.add(workload.file() + ": " + row + " in istio/access-matrix.yaml, the policies decide otherwise");
			}
		}
		return wrong;
	}

	static List<String> decisionsOutsideTheMatrix(AccessMatrix matrix, List<ManifestObject> objects) {
		Mesh mesh = Mesh.of(matrix, objects);
		List<String> wrong = new ArrayList<>();
		for (ManifestObject workload : mesh.closedWorkloads()) {
			String to = workload.name();
			Set<Integer> tcpPorts = mesh.tcpPorts(workload);
			for (String from : principals(matrix, mesh)) {
				for (int port : mesh.ports(workload)) {
					if (tcpPorts.contains(port)) {
						probe(matrix, mesh, workload,
								new AccessMatrix.Row(from, null, to, port, null, null, null, false), wrong);
						continue;
					}
					for (String method : methods(matrix, to)) {
						for (String path : paths(matrix, to)) {
							probe(matrix, mesh, workload,
									new AccessMatrix.Row(from, null, to, port, method, path, null, false), wrong);
						}
					}
				}
			}
		}
		return wrong;
	}

	private static void probe(AccessMatrix matrix, Mesh mesh, ManifestObject workload, AccessMatrix.Row probe,
			List<String> wrong) {
		boolean expected = matrix.decisive(probe.from(), probe.to(), probe.port(), probe.method(), probe.path())
			.map(AccessMatrix.Row::allowed)
			.orElse(false);
		if (mesh.allows(probe.request(probe.method(), probe.path()), workload) != expected) {
			wrong.add(workload.file() + ": " + probe.call()
					+ (expected ? " must be allowed" : " is allowed but no row allows it"));
		}
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
			.filter((row) -> row.to().equals(to) && row.http() && !row.method().equals(AccessMatrix.ANY))
			.forEach((row) -> methods.add(row.method()));
		return methods;
	}

	private static Set<String> paths(AccessMatrix matrix, String to) {
		Set<String> paths = new LinkedHashSet<>(PROBE_PATHS);
		matrix.rows()
			.stream()
			.filter((row) -> row.to().equals(to) && row.http() && !row.path().equals(AccessMatrix.ANY))
			.forEach((row) -> paths.add(row.path()));
		return paths;
	}

}
