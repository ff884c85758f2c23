package io.meshgate.manifests;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides a request the way Istio's AuthorizationPolicy does, for the fields Meshgate
 * uses. A DENY that matches wins; otherwise, if any ALLOW policy applies to the workload,
 * one of them must match; a workload without any ALLOW policy is open. A field the
 * evaluator does not know fails loudly rather than being skipped: a policy it cannot read
 * is not proven.
 * <p>
 * On a TCP port there is no method, path or token. Like Istio, a rule that names such an
 * HTTP-only field never matches a connection in an ALLOW policy, and in a DENY policy
 * those fields are ignored, so the rule matches more.
 */
final class AuthorizationEvaluator {

	static final String ROOT_NAMESPACE = "istio-system";

	private static final Set<String> SOURCE_FIELDS = Set.of("principals", "notPrincipals", "requestPrincipals",
			"notRequestPrincipals", "namespaces", "notNamespaces");

	private static final Set<String> OPERATION_FIELDS = Set.of("ports", "notPorts", "methods", "notMethods", "paths",
			"notPaths", "hosts", "notHosts");

	private static final Set<String> HTTP_ONLY_FIELDS = Set.of("requestPrincipals", "notRequestPrincipals", "methods",
			"notMethods", "paths", "notPaths", "hosts", "notHosts");

	private final List<ManifestObject> policies;

	AuthorizationEvaluator(List<ManifestObject> objects) {
		this.policies = objects.stream().filter((object) -> object.is("AuthorizationPolicy")).toList();
	}

	boolean allows(Request request, Workload workload) {
		List<ManifestObject> applicable = this.policies.stream()
			.filter((policy) -> appliesTo(policy, workload))
			.toList();
		if (applicable.stream()
			.filter((policy) -> action(policy).equals("DENY"))
			.anyMatch((p) -> matches(p, request))) {
			return false;
		}
		List<ManifestObject> allows = applicable.stream().filter((policy) -> action(policy).equals("ALLOW")).toList();
		return allows.isEmpty() || allows.stream().anyMatch((policy) -> matches(policy, request));
	}

	private static String action(ManifestObject policy) {
		String action = policy.tree().path("spec").path("action").asText("ALLOW");
		if (!action.equals("ALLOW") && !action.equals("DENY")) {
			throw new UnsupportedOperationException(policy.describe() + ": action " + action + " is not evaluated");
		}
		return action;
	}

	private static boolean appliesTo(ManifestObject policy, Workload workload) {
		boolean inScope = policy.namespace().equals(workload.namespace()) || policy.namespace().equals(ROOT_NAMESPACE);
		JsonNode selector = policy.tree().path("spec").path("selector").path("matchLabels");
		return inScope && Selectors.matches(selector, workload.labels());
	}

	private static boolean matches(ManifestObject policy, Request request) {
		JsonNode rules = policy.tree().path("spec").path("rules");
		for (JsonNode rule : rules) {
			if (ruleMatches(policy, rule, request)) {
				return true;
			}
		}
		return false;
	}

	private static boolean ruleMatches(ManifestObject policy, JsonNode rule, Request request) {
		if (rule.has("when")) {
			throw new UnsupportedOperationException(policy.describe() + ": 'when' conditions are not evaluated");
		}
		if (request.tcp() && action(policy).equals("ALLOW") && namesHttpOnlyFields(rule)) {
			return false;
		}
		return anyOrAbsent(rule.path("from"), (from) -> sourceMatches(policy, from.path("source"), request))
				&& anyOrAbsent(rule.path("to"), (to) -> operationMatches(policy, to.path("operation"), request));
	}

	private static boolean sourceMatches(ManifestObject policy, JsonNode source, Request request) {
		requireKnown(policy, source, SOURCE_FIELDS);
		return field(source, "principals", request.principal()) && field(source, "namespaces", request.namespace())
				&& field(source, "requestPrincipals", request.requestPrincipal());
	}

	private static boolean operationMatches(ManifestObject policy, JsonNode operation, Request request) {
		requireKnown(policy, operation, OPERATION_FIELDS);
		return field(operation, "ports", String.valueOf(request.port()))
				&& field(operation, "methods", request.method()) && field(operation, "paths", request.path())
				&& hostMatches(policy, operation, request);
	}

	/**
	 * Istio compares hosts without case. A request whose Host is not stated (a matrix row
	 * without {@code host}) cannot be decided by a rule that names hosts: that fails
	 * loudly, as an unknown field does.
	 */
	private static boolean hostMatches(ManifestObject policy, JsonNode operation, Request request) {
		if (!operation.has("hosts") && !operation.has("notHosts")) {
			return true;
		}
		if (request.tcp()) {
			return true;
		}
		if (request.host() == null) {
			throw new UnsupportedOperationException(
					policy.describe() + ": a rule names hosts, so the request must state its Host");
		}
		return field(operation, "hosts", request.host().toLowerCase(Locale.ROOT));
	}

	private static boolean namesHttpOnlyFields(JsonNode rule) {
		for (JsonNode clause : List.of(rule.path("from"), rule.path("to"))) {
			for (JsonNode item : clause) {
				JsonNode fields = item.has("source") ? item.path("source") : item.path("operation");
				for (String field : HTTP_ONLY_FIELDS) {
					if (fields.has(field)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * {@code name} must match when present and {@code notName} must not. A field the
	 * request does not have (null: HTTP-only, on a TCP connection) is ignored.
	 */
	private static boolean field(JsonNode clause, String name, String value) {
		if (value == null) {
			return true;
		}
		String negated = "not" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
		boolean positive = !clause.has(name) || anyValueMatches(clause.get(name), value);
		boolean negative = clause.has(negated) && anyValueMatches(clause.get(negated), value);
		return positive && !negative;
	}

	private static boolean anyValueMatches(JsonNode patterns, String value) {
		for (JsonNode pattern : patterns) {
			if (value != null && !value.isEmpty() && IstioStrings.matches(pattern.asText(), value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean anyOrAbsent(JsonNode list, Predicate<JsonNode> predicate) {
		if (list.isMissingNode() || list.isEmpty()) {
			return true;
		}
		for (JsonNode item : list) {
			if (predicate.test(item)) {
				return true;
			}
		}
		return false;
	}

	private static void requireKnown(ManifestObject policy, JsonNode clause, Set<String> known) {
		clause.fieldNames().forEachRemaining((name) -> {
			if (!known.contains(name)) {
				throw new UnsupportedOperationException(policy.describe() + ": field " + name + " is not evaluated");
			}
		});
	}

	/**
	 * A request as a sidecar sees it.
	 *
	 * @param principal the caller's mTLS identity, empty for plaintext
	 * @param requestPrincipal the JWT's {@code iss/sub}, empty without a token; null on a
	 * TCP connection
	 * @param port the workload port called
	 * @param method HTTP method; null on a TCP connection
	 * @param path HTTP path; null on a TCP connection
	 * @param host the Host header; null where it is not stated
	 */
	record Request(String principal, String requestPrincipal, int port, String method, String path, String host) {

		Request(String principal, String requestPrincipal, int port, String method, String path) {
			this(principal, requestPrincipal, port, method, path, null);
		}

		/** A plain TCP connection to a port Istio does not parse as HTTP. */
		static Request connection(String principal, int port) {
			return new Request(principal, null, port, null, null, null);
		}

		boolean tcp() {
			return this.method == null;
		}

		/** Istio derives the source namespace from the SPIFFE identity. */
		String namespace() {
			String[] parts = this.principal.split("/");
			return (parts.length >= 3 && parts[1].equals("ns")) ? parts[2] : "";
		}

	}

	/**
	 * The target of a request.
	 *
	 * @param namespace the workload's namespace
	 * @param labels its pod labels
	 */
	record Workload(String namespace, Map<String, String> labels) {

	}

}
