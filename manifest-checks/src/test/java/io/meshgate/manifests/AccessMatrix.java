package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code istio/access-matrix.yaml}: who may call what.
 *
 * @param platformPrincipals identities whose ServiceAccounts are not rendered here
 * @param pendingPrincipals identities of workloads whose k8s folder does not exist yet
 * @param platformWorkloads pods that charts and releases install, which rows may name
 * @param rows the decisions
 */
record AccessMatrix(List<String> platformPrincipals, List<String> pendingPrincipals,
		List<PlatformWorkload> platformWorkloads, List<Row> rows) {

	AccessMatrix {
		platformWorkloads = (platformWorkloads != null) ? platformWorkloads : List.of();
	}

	static final String ANONYMOUS = "anonymous";

	static final String ANY = "*";

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	static AccessMatrix load(Path file) {
		try {
			return YAML.readValue(file.toFile(), AccessMatrix.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static AccessMatrix ofRepository() {
		return load(Repository.root().resolve("istio/access-matrix.yaml"));
	}

	/** The platform workloads as objects, to be evaluated beside the rendered ones. */
	List<ManifestObject> platformObjects() {
		return this.platformWorkloads.stream().flatMap((workload) -> workload.objects().stream()).toList();
	}

	/**
	 * The row that decides a combination: an exact row before one with wildcards. A TCP
	 * connection has no method and path (null), and only a TCP row decides it.
	 */
	Optional<Row> decisive(String from, String to, int port, String method, String path) {
		return this.rows.stream()
			.filter((row) -> row.from().equals(from) && row.to().equals(to) && row.port() == port)
			.filter((row) -> row.covers(method, path))
			.min((a, b) -> Integer.compare(a.wildcards(), b.wildcards()));
	}

	/**
	 * One decision of the matrix.
	 *
	 * @param from caller principal, or {@code anonymous}
	 * @param requestPrincipal JWT {@code iss/sub}, or null
	 * @param to the workload's app label
	 * @param port workload port
	 * @param method HTTP method or {@code *}; null for a TCP port
	 * @param path HTTP path or {@code *}; null for a TCP port
	 * @param host the Host header, or null where no policy looks at it
	 * @param allowed the expected decision
	 */
	record Row(String from, String requestPrincipal, String to, int port, String method, String path, String host,
			boolean allowed) {

		/**
		 * A row about connections to a TCP port: Istio sees no method, path or token
		 * there.
		 */
		boolean tcp() {
			return this.method == null && this.path == null && this.requestPrincipal == null;
		}

		/** A row about requests to an HTTP port. */
		boolean http() {
			return this.method != null && this.path != null;
		}

		boolean covers(String method, String path) {
			return matches(this.method, method) && matches(this.path, path);
		}

		private static boolean matches(String pattern, String value) {
			return Objects.equals(pattern, value) || (ANY.equals(pattern) && value != null);
		}

		int wildcards() {
			return (ANY.equals(this.method) ? 1 : 0) + (ANY.equals(this.path) ? 1 : 0);
		}

		AuthorizationEvaluator.Request request(String method, String path) {
			String principal = this.from.equals(ANONYMOUS) ? "" : this.from;
			if (tcp()) {
				return AuthorizationEvaluator.Request.connection(principal, this.port);
			}
			return new AuthorizationEvaluator.Request(principal,
					(this.requestPrincipal != null) ? this.requestPrincipal : "", this.port, method, path, this.host);
		}

		/** Who calls what, without the decision. */
		String call() {
			String what = tcp() ? " TCP" : " " + this.method + " " + this.path;
			String host = (this.host != null) ? " (Host " + this.host + ")" : "";
			return this.from + " -> " + this.to + ":" + this.port + what + host;
		}

		@Override
		public String toString() {
			return call() + (this.allowed ? " allowed" : " denied");
		}

	}

}
