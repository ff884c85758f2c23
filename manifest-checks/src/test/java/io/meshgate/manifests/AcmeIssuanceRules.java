package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * ACME HTTP-01 challenges served through the Istio ingress gateway
 * (docs/adr/0009-acme-http01-through-istio.md): cert-manager's solver Ingress must be one
 * istiod translates, and the challenge path must not be redirected to HTTPS on port 80.
 *
 * <p>
 * Istio facts (istio/istio@1.30.3): pilot/pkg/config/kube/ingress/virtualservices.go
 * {@code shouldProcessIngressWithClass}, gateways.go {@code getIngressGatewaySelector},
 * pkg/config/mesh/mesh.go defaults, pilot/pkg/networking/core/gateway.go (an
 * {@code httpsRedirect} server sets {@code RequireTls: ALL} on the whole virtual host)
 * and route.go {@code SortVHostRoutes} (catch-all routes go last).
 */
final class AcmeIssuanceRules {

	static final String ISTIO_INGRESS_CONTROLLER = "istio.io/ingress-controller";

	/** A path cert-manager serves a challenge on (pkg/issuer/acme/http/solver). */
	static final String CHALLENGE_PATH = "/.well-known/acme-challenge/token";

	private static final Set<String> NEUTRAL_MATCH_KEYS = Set.of("name", "port", "gateways");

	private AcmeIssuanceRules() {
	}

	/**
	 * Every HTTP-01 ingress solver names a class istiod serves: an IngressClass of the
	 * bundle with Istio's controller, or (deprecated annotation) the mesh's ingressClass;
	 * istiod watches Ingresses at all; and the Gateway it derives selects the pods the
	 * gateway chart labels.
	 */
	static List<Violation> http01IngressesAreServedByIstio(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		IngressMesh mesh = IngressMesh.of(objects);
		for (Solver solver : http01IngressSolvers(objects)) {
			JsonNode ingress = solver.ingress();
			String field = solver.field();
			if (mesh.mode().equals("OFF")) {
				violations.add(Violation.of(solver.issuer(), field,
						"istiod's meshConfig.ingressControllerMode is OFF: it serves no Ingress"));
			}
			else if (ingress.hasNonNull("ingressClassName")) {
				String name = ingress.path("ingressClassName").asText();
				violations.addAll(ingressClassProblem(objects, name)
					.map((problem) -> Violation.of(solver.issuer(), field + ".ingressClassName", problem))
					.stream()
					.toList());
			}
			else if (ingress.hasNonNull("class")) {
				String name = ingress.path("class").asText();
				if (!name.equals(mesh.ingressClass())) {
					violations.add(Violation.of(solver.issuer(), field + ".class", "istiod serves the class '"
							+ mesh.ingressClass() + "' (meshConfig.ingressClass), not '" + name + "'"));
				}
			}
			else if (mesh.mode().equals("STRICT") && !ingress.hasNonNull("name")) {
				violations.add(Violation.of(solver.issuer(), field,
						"an Ingress without a class is ignored by istiod in ingressControllerMode STRICT"));
			}
			List<String> gatewayLabels = gatewayChartLabels(objects);
			if (!gatewayLabels.isEmpty() && !gatewayLabels.contains(mesh.selector())) {
				violations.add(Violation.of(solver.issuer(), field,
						"istiod serves the challenge on pods labelled istio=" + mesh.selector()
								+ " (meshConfig.ingressSelector/ingressService), but the gateway chart labels its pods "
								+ gatewayLabels));
			}
		}
		return violations;
	}

	/**
	 * When an HTTP-01 ingress solver serves through the ingress gateway, no HTTP server
	 * of that gateway redirects the challenge path: no {@code tls.httpsRedirect}, and no
	 * redirect route that Istio would order before the challenge's exact route.
	 */
	static List<Violation> challengePathIsNotRedirected(List<ManifestObject> objects) {
		if (http01IngressSolvers(objects).isEmpty()) {
			return List.of();
		}
		String selector = IngressMesh.of(objects).selector();
		List<ManifestObject> gateways = istioOfKind(objects, "Gateway").stream()
			.filter((gateway) -> selector.equals(gateway.path("spec.selector.istio").asText()))
			.toList();
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject gateway : gateways) {
			JsonNode servers = gateway.path("spec.servers");
			for (int s = 0; s < servers.size(); s++) {
				JsonNode server = servers.get(s);
				if (server.path("port").path("protocol").asText().equals("HTTP")
						&& server.path("tls").path("httpsRedirect").asBoolean(false)) {
					violations.add(Violation.of(gateway, "spec.servers[" + s + "].tls.httpsRedirect",
							"redirects every path of this server's hosts to HTTPS, the ACME HTTP-01 challenge included"));
				}
			}
		}
		for (ManifestObject service : istioOfKind(objects, "VirtualService")) {
			if (!bindsAny(service, gateways)) {
				continue;
			}
			JsonNode routes = service.path("spec.http");
			for (int r = 0; r < routes.size(); r++) {
				JsonNode route = routes.get(r);
				if (route.has("redirect") && redirectsChallenge(route.path("match"))) {
					violations.add(Violation.of(service, "spec.http[" + r + "].redirect",
							"this redirect matches " + CHALLENGE_PATH
									+ " ahead of the solver's route: only a catch-all redirect comes after it"));
				}
			}
		}
		return violations;
	}

	private static Optional<String> ingressClassProblem(List<ManifestObject> objects, String name) {
		Optional<ManifestObject> ingressClass = objects.stream()
			.filter((object) -> object.is("IngressClass") && object.name().equals(name))
			.findFirst();
		if (ingressClass.isEmpty()) {
			return Optional.of("no IngressClass '" + name
					+ "' in this environment: istiod ignores an Ingress whose class does not exist");
		}
		String controller = ingressClass.get().path("spec.controller").asText();
		if (!controller.equals(ISTIO_INGRESS_CONTROLLER)) {
			return Optional.of("IngressClass '" + name + "' has controller '" + controller + "'; istiod serves only "
					+ ISTIO_INGRESS_CONTROLLER);
		}
		return Optional.empty();
	}

	/**
	 * A redirect route is harmless only when it is a catch-all (Istio sorts those after
	 * the challenge's exact route) or none of its matches can match the challenge path.
	 */
	private static boolean redirectsChallenge(JsonNode matches) {
		if (matches.isMissingNode() || matches.isEmpty()) {
			return false;
		}
		for (JsonNode match : matches) {
			if (!isCatchAll(match) && mayMatchChallenge(match.path("uri"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCatchAll(JsonNode match) {
		for (var names = match.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (name.equals("uri")) {
				if (!match.path("uri").path("prefix").asText().equals("/")) {
					return false;
				}
			}
			else if (!NEUTRAL_MATCH_KEYS.contains(name)) {
				return false;
			}
		}
		return true;
	}

	private static boolean mayMatchChallenge(JsonNode uri) {
		if (uri.isMissingNode()) {
			return true;
		}
		if (uri.has("prefix")) {
			return CHALLENGE_PATH.startsWith(uri.path("prefix").asText());
		}
		if (uri.has("exact")) {
			return uri.path("exact").asText().startsWith("/.well-known/acme-challenge/");
		}
		// A regex may match it; assume it does rather than evaluate RE2 here.
		return true;
	}

	private static boolean bindsAny(ManifestObject service, List<ManifestObject> gateways) {
		for (JsonNode bound : service.path("spec.gateways")) {
			String name = bound.asText();
			for (ManifestObject gateway : gateways) {
				if (name.equals(gateway.name()) && service.namespace().equals(gateway.namespace())
						|| name.equals(gateway.namespace() + "/" + gateway.name())) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<Solver> http01IngressSolvers(List<ManifestObject> objects) {
		List<Solver> solvers = new ArrayList<>();
		for (ManifestObject issuer : objects) {
			if (!issuer.apiVersion().startsWith("cert-manager.io/")
					|| !(issuer.is("ClusterIssuer") || issuer.is("Issuer"))) {
				continue;
			}
			JsonNode list = issuer.path("spec.acme.solvers");
			for (int s = 0; s < list.size(); s++) {
				JsonNode ingress = list.get(s).path("http01").path("ingress");
				if (ingress.isObject()) {
					solvers.add(new Solver(issuer, "spec.acme.solvers[" + s + "].http01.ingress", ingress));
				}
			}
		}
		return solvers;
	}

	/**
	 * The {@code istio} label of the pods of each Istio gateway chart:
	 * {@code labels.istio}, else the gateway's name ({@code name}, else the release name)
	 * without "istio-" (manifests/charts/gateway/templates/_helpers.tpl at 1.30.3).
	 */
	private static List<String> gatewayChartLabels(List<ManifestObject> objects) {
		return istioCharts(objects, "gateway").map((helm) -> {
			JsonNode values = helm.path("valuesObject");
			String name = values.path("name").asText(helm.path("releaseName").asText("istio-ingressgateway"));
			return values.path("labels").path("istio").asText(name.replaceFirst("^istio-", ""));
		}).toList();
	}

	/** The {@code helm} section of each Application of an Istio chart. */
	private static Stream<JsonNode> istioCharts(List<ManifestObject> objects, String chart) {
		return objects.stream()
			.filter((object) -> object.is("Application"))
			.map((application) -> application.path("spec.source"))
			.filter((source) -> source.path("repoURL").asText().contains("istio-release")
					&& source.path("chart").asText().equals(chart))
			.map((source) -> source.path("helm"));
	}

	private static List<ManifestObject> istioOfKind(List<ManifestObject> objects, String kind) {
		return objects.stream()
			.filter((object) -> object.is(kind) && object.apiVersion().startsWith("networking.istio.io/"))
			.toList();
	}

	private record Solver(ManifestObject issuer, String field, JsonNode ingress) {
	}

	/**
	 * istiod's Ingress settings, from the istiod chart's meshConfig values, else Istio's
	 * defaults (pkg/config/mesh/mesh.go: STRICT, class istio, ingressService
	 * istio-ingressgateway, no ingressSelector).
	 */
	private record IngressMesh(String mode, String ingressClass, String selector) {

		static IngressMesh of(List<ManifestObject> objects) {
			JsonNode mesh = istioCharts(objects, "istiod").findFirst()
				.map((helm) -> helm.path("valuesObject").path("meshConfig"))
				.orElse(MissingNode.getInstance());
			String service = mesh.path("ingressService").asText("istio-ingressgateway");
			String selector = mesh.path("ingressSelector").asText("");
			if (selector.isEmpty()) {
				// gateways.go: the service name stands in, except the historical default.
				selector = service.isEmpty() || service.equals("istio-ingressgateway") ? "ingressgateway" : service;
			}
			return new IngressMesh(mesh.path("ingressControllerMode").asText("STRICT"),
					mesh.path("ingressClass").asText("istio"), selector);
		}

	}

}
