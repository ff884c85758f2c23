package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code istio/access-matrix.yaml}: who may call what.
 *
 * @param platformPrincipals identities whose ServiceAccounts are not rendered here
 * @param pendingPrincipals identities of workloads whose k8s folder does not exist yet
 * @param rows the decisions
 */
record AccessMatrix(List<String> platformPrincipals, List<String> pendingPrincipals, List<Row> rows) {

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

	/**
	 * The row that decides a combination: an exact row before one with wildcards.
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
	 * @param method HTTP method or {@code *}
	 * @param path HTTP path or {@code *}
	 * @param allowed the expected decision
	 */
	record Row(String from, String requestPrincipal, String to, int port, String method, String path, boolean allowed) {

		boolean covers(String method, String path) {
			return (this.method.equals(ANY) || this.method.equals(method))
					&& (this.path.equals(ANY) || this.path.equals(path));
		}

		int wildcards() {
			return (this.method.equals(ANY) ? 1 : 0) + (this.path.equals(ANY) ? 1 : 0);
		}

		AuthorizationEvaluator.Request request(String method, String path) {
			String principal = this.from.equals(ANONYMOUS) ? "" : this.from;
			return new AuthorizationEvaluator.Request(principal,
					(this.requestPrincipal != null) ? this.requestPrincipal : "", this.port, method, path);
		}

		@Override
		public String toString() {
			return this.from + " -> " + this.to + ":" + this.port + " " + this.method + " " + this.path
					+ (this.allowed ? " allowed" : " denied");
		}

	}

}
