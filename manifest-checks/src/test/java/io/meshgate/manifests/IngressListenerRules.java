package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ingress gateway's pods serve two kinds of listener: the public Gateway's ports 80
 * and 443 (the gateway chart's Service targets them as such, istio/istio@1.30.3:
 * manifests/charts/gateway/values.yaml), and Knative's cluster-local gateway on 8081. An
 * ALLOW rule without ports applies to all of them, so a rule written for the public
 * listener (say, every path outside /api/) also opens the cluster-local one. The public
 * policy names the public ports in every rule; every other ALLOW policy on these pods
 * keeps off them, so that the public policy, which PublicPathsCheck compares with the
 * gateway's public paths, holds every public opening.
 */
final class IngressListenerRules {

	static final String PUBLIC_POLICY = "meshgate-ingress";

	static final Set<String> PUBLIC_PORTS = Set.of("80", "443");

	private IngressListenerRules() {
	}

	static List<Violation> policiesKeepToTheirListeners(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject policy : PlatformRules.ofKind(objects, "AuthorizationPolicy")) {
			boolean onGateway = policy.namespace().equals(PlatformRules.INGRESS_NAMESPACE)
					&& policy.path("spec.selector.matchLabels").has("istio");
			if (!onGateway || !policy.path("spec.action").asText("ALLOW").equals("ALLOW")) {
				continue;
			}
			boolean isPublic = policy.name().equals(PUBLIC_POLICY);
			JsonNode rules = policy.path("spec.rules");
			for (int r = 0; r < rules.size(); r++) {
				JsonNode to = rules.get(r).path("to");
				if (to.isEmpty()) {
					violations.add(Violation.of(policy, "spec.rules[" + r + "]",
							"names no port: it opens every listener of the gateway's pods"));
				}
				for (int t = 0; t < to.size(); t++) {
					String field = "spec.rules[" + r + "].to[" + t + "].operation.ports";
					List<String> ports = new ArrayList<>();
					to.get(t).path("operation").path("ports").forEach((port) -> ports.add(port.asText()));
					if (ports.isEmpty()) {
						violations.add(Violation.of(policy, field,
								"names no port: it opens every listener of the gateway's pods"));
					}
					else if (isPublic && !PUBLIC_PORTS.containsAll(ports)) {
						violations.add(Violation.of(policy, field,
								ports + " reaches beyond the public listeners " + PUBLIC_PORTS));
					}
					else if (!isPublic && ports.stream().anyMatch(PUBLIC_PORTS::contains)) {
						violations.add(Violation.of(policy, field, ports + " opens a public listener, which only "
								+ PUBLIC_POLICY + " may (PublicPathsCheck reads that one)"));
					}
				}
			}
		}
		return violations;
	}

}
