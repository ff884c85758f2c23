package io.meshgate.manifests;

import java.util.List;
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
 */
final class AuthorizationEvaluator {

	static final String ROOT_NAMESPACE = "istio-system";

	private static final Set<String> SOURCE_FIELDS = Set.of("principals", "notPrincipals", "requestPrincipals",
			"notRequestPrincipals", "namespaces", "notNamespaces");

	private static final Set<String> OPERATION_FIELDS = Set.of("ports", "notPorts", "methods", "notMethods", "paths",
			"notPaths");

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
				&& field(operation, "methods", request.method()) && field(operation, "paths", request.path());
	}

	/** {@code name} must match when present and {@code notName} must not. */
	private static boolean field(JsonNode clause, String name, String value) {
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
	 * @param requestPrincipal the JWT's {@code iss/sub}, empty without a token
	 * @param port the workload port called
	 * @param method HTTP method
	 * @param path HTTP path
	 */
	record Request(String principal, String requestPrincipal, int port, String method, String path) {

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
