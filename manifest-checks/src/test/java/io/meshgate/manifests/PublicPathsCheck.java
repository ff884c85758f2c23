package io.meshgate.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The paths the gateway serves without a token and the paths the ingress lets through
 * without one are the same list, kept in two places: the gateway's
 * {@code meshgate.gateway.security.public-paths} and the public rule of the ingress
 * AuthorizationPolicy. A path public in the gateway only is refused at the ingress; one
 * public at the ingress only is an opening nobody decided on.
 * <p>
 * The ingress policy is read as its rules are written in
 * {@code istio/base/authorizationpolicy-meshgate-ingress.yaml}: a rule with only
 * {@code notPaths} marks what lies outside the protected API, a rule with {@code from}
 * admits a token, an operation with the methods {@code [OPTIONS]} alone admits CORS
 * preflights, and every other operation of a rule without {@code from} is an exclusion.
 * Spring's {@code /x/**} is written {@code /x/*} in Istio; other wildcards have no Istio
 * form and are reported.
 */
final class PublicPathsCheck {

	static final String GATEWAY_CONFIG = "api-gateway/src/main/resources/application.yaml";

	static final String PROPERTY = "meshgate.gateway.security.public-paths";

	private static final String INGRESS_NAMESPACE = "istio-ingress";

	private PublicPathsCheck() {
	}

	static List<Violation> ofRepository(List<ManifestObject> objects) {
		return compare(Repository.root().resolve(GATEWAY_CONFIG), objects);
	}

	static List<Violation> compare(Path gatewayConfig, List<ManifestObject> objects) {
		// The other policies on the gateway's pods keep off the public listeners
		// (IngressListenerRules), so this one holds every public opening.
		List<ManifestObject> policies = objects.stream()
			.filter((object) -> object.is("AuthorizationPolicy") && object.namespace().equals(INGRESS_NAMESPACE))
			.filter((policy) -> policy.name().equals(IngressListenerRules.PUBLIC_POLICY))
			.toList();
		if (policies.size() != 1) {
			return List.of(new Violation("istio/", "AuthorizationPolicy " + INGRESS_NAMESPACE + "/*", "",
					"expected one AuthorizationPolicy " + IngressListenerRules.PUBLIC_POLICY
							+ " for the ingress gateway, found " + policies.size()));
		}
		return compare(publicPaths(gatewayConfig), policies.get(0));
	}

	private static List<Violation> compare(List<PublicPath> gateway, ManifestObject policy) {
		List<Violation> violations = new ArrayList<>();
		Ingress ingress = Ingress.of(policy);
		for (PublicPath path : gateway) {
			String istioPath = path.istioPath();
			if (istioPath == null) {
				violations.add(Violation.of(policy, ingress.exclusionsField(), path + " has no Istio path form: "
						+ "only exact paths and a trailing /** can be mirrored at the ingress"));
			}
			else if (ingress.protects(istioPath) && !ingress.excludes(path.methods(), istioPath)) {
				violations.add(Violation.of(policy, ingress.exclusionsField(),
						path + " is public in the gateway but not excluded here, so the ingress asks for a token"));
			}
		}
		for (Exclusion exclusion : ingress.exclusions()) {
			boolean isPublic = gateway.stream()
				.anyMatch((path) -> exclusion.path().equals(path.istioPath())
						&& exclusion.methods().equals(path.methods()));
			if (!isPublic) {
				violations.add(Violation.of(policy, exclusion.field(),
						exclusion.describe() + " is let through without a token but is not public in the gateway ("
								+ PROPERTY + " in " + GATEWAY_CONFIG + ")"));
			}
		}
		return violations;
	}

	static List<PublicPath> publicPaths(Path gatewayConfig) {
		JsonNode node = Yaml.documents(gatewayConfig).get(0);
		for (String key : PROPERTY.split("\\.")) {
			node = node.path(key);
		}
		List<PublicPath> paths = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			paths.add(new PublicPath(i, methods(node.get(i).path("methods")), node.get(i).path("path").asText()));
		}
		return paths;
	}

	private static Set<String> methods(JsonNode list) {
		Set<String> methods = new TreeSet<>();
		list.forEach((method) -> methods.add(method.asText().toUpperCase()));
		return methods;
	}

	/**
	 * One entry of the gateway's public paths.
	 *
	 * @param index its position in the list
	 * @param methods its methods, empty for all
	 * @param path its Spring path pattern
	 */
	record PublicPath(int index, Set<String> methods, String path) {

		/** The Istio form, or null where there is none. */
		String istioPath() {
			String exact = this.path.endsWith("/**") ? this.path.substring(0, this.path.length() - 2) : this.path;
			if (exact.contains("*") || exact.contains("{") || exact.contains("?")) {
				return null;
			}
			return this.path.endsWith("/**") ? exact + "*" : exact;
		}

		@Override
		public String toString() {
			String methods = this.methods.isEmpty() ? "any method" : String.join(",", this.methods);
			return methods + " " + this.path + " (" + PROPERTY + "[" + this.index + "] in " + GATEWAY_CONFIG + ")";
		}

	}

	/**
	 * One path the ingress lets through without a token.
	 *
	 * @param field its JSON path in the policy
	 * @param methods its methods, empty for all
	 * @param path its Istio path
	 */
	record Exclusion(String field, Set<String> methods, String path) {

		String describe() {
			return (this.methods.isEmpty() ? "any method" : String.join(",", this.methods)) + " " + this.path;
		}

	}

	/** The ingress policy, read as described on the class. */
	private record Ingress(List<String> protectedScope, List<Exclusion> exclusions, String exclusionsField) {

		static Ingress of(ManifestObject policy) {
			List<String> scope = new ArrayList<>();
			List<Exclusion> exclusions = new ArrayList<>();
			String exclusionsField = "spec.rules";
			JsonNode rules = policy.tree().path("spec").path("rules");
			for (int r = 0; r < rules.size(); r++) {
				if (rules.get(r).has("from")) {
					continue;
				}
				JsonNode to = rules.get(r).path("to");
				for (int t = 0; t < to.size(); t++) {
					JsonNode operation = to.get(t).path("operation");
					Set<String> methods = methods(operation.path("methods"));
					if (!operation.has("paths")) {
						operation.path("notPaths").forEach((path) -> scope.add(path.asText()));
					}
					else if (!methods.equals(Set.of("OPTIONS"))) {
						exclusionsField = "spec.rules[" + r + "].to";
						JsonNode paths = operation.path("paths");
						for (int p = 0; p < paths.size(); p++) {
							String field = "spec.rules[" + r + "].to[" + t + "].operation.paths[" + p + "]";
							exclusions.add(new Exclusion(field, methods, paths.get(p).asText()));
						}
					}
				}
			}
			return new Ingress(scope, exclusions, exclusionsField);
		}

		/**
		 * A path the scope rule does not let through; without a scope rule, every path.
		 */
		boolean protects(String istioPath) {
			String sample = istioPath.endsWith("*") ? istioPath.substring(0, istioPath.length() - 1) : istioPath;
			return this.protectedScope.isEmpty()
					|| this.protectedScope.stream().anyMatch((pattern) -> IstioStrings.matches(pattern, sample));
		}

		boolean excludes(Set<String> methods, String istioPath) {
			return this.exclusions.stream()
				.anyMatch((exclusion) -> exclusion.path().equals(istioPath) && exclusion.methods().equals(methods));
		}

	}

}
