package io.meshgate.manifests;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One public host per environment: the ConfigMap {@code public-host} of
 * {@code environments/<env>} (a kustomize local-config object the public-host component
 * reads, so it is not in the rendered bundle: {@link #environment} adds it). Every
 * issuer, JWKS URL, ingress host, browser origin and mail sender of the environment
 * agrees with it; one that does not gets every token refused or every login sent
 * elsewhere.
 */
final class PublicHostRules {

	static final String SOURCE_NAME = "public-host";

	/** JWKS URLs inside the mesh name a Service, not the public host. */
	private static final String IN_CLUSTER_SUFFIX = ".svc.cluster.local";

	private static final Pattern ISSUER_KEY = Pattern.compile(".*_ISSUER(URI)?");

	private static final Pattern JWKS_KEY = Pattern.compile(".*_JWKSETURI");

	private static final Pattern CORS_KEY = Pattern.compile(".*_CORS_ALLOWEDORIGINS");

	private static final Pattern MAIL_FROM_KEY = Pattern.compile(".*_MAIL_FROM");

	/** The address of an RFC 5322 mailbox, with or without a display name. */
	private static final Pattern MAILBOX = Pattern.compile("(?:.*<)?[^<@\\s]+@([^>\\s]+)>?");

	private PublicHostRules() {
	}

	/** The objects of one environment, with the environment's public-host ConfigMap. */
	static List<ManifestObject> environment(String env) {
		Path source = Repository.root().resolve("environments").resolve(env).resolve("configmap-public-host.yaml");
		return Stream.concat(RepositoryManifests.environment(env).stream(), Yaml.objects(source).stream()).toList();
	}

	/** The host an environment serves, from its public-host ConfigMap. */
	static Optional<String> host(List<ManifestObject> objects) {
		return objects.stream()
			.filter((object) -> object.is("ConfigMap") && object.name().equals(SOURCE_NAME))
			.map((source) -> source.path("data.host").asText())
			.filter((host) -> !host.isEmpty())
			.findFirst();
	}

	/**
	 * Every token issuer (RequestAuthentication, each service's {@code *_ISSUER}) is
	 * {@code https://<host>}; every JWKS URL is inside the mesh or on the public host.
	 */
	static List<Violation> issuersNameThePublicHost(List<ManifestObject> objects) {
		return withHost(objects, (host, violations) -> {
			String issuer = "https://" + host;
			for (ManifestObject policy : PlatformRules.ofKind(objects, "RequestAuthentication")) {
				JsonNode rules = policy.path("spec.jwtRules");
				for (int r = 0; r < rules.size(); r++) {
					String field = "spec.jwtRules[" + r + "]";
					expectEqual(policy, field + ".issuer", rules.get(r).path("issuer").asText(), issuer, violations);
					checkJwks(policy, field + ".jwksUri", rules.get(r).path("jwksUri").asText(""), host, violations);
				}
			}
			for (ManifestObject config : PlatformRules.ofKind(objects, "ConfigMap")) {
				for (Map.Entry<String, String> entry : data(config)) {
					String field = "data." + entry.getKey();
					if (ISSUER_KEY.matcher(entry.getKey()).matches()) {
						expectEqual(config, field, entry.getValue(), issuer, violations);
					}
					else if (JWKS_KEY.matcher(entry.getKey()).matches()) {
						checkJwks(config, field, entry.getValue(), host, violations);
					}
				}
			}
		});
	}

	/**
	 * The ingress serves the public host and nothing else: the hosts of its Gateways, of
	 * the VirtualServices bound to a gateway, of cert-manager Certificates, and the host
	 * names the ingress AuthorizationPolicies match on.
	 */
	static List<Violation> ingressServesThePublicHost(List<ManifestObject> objects) {
		return withHost(objects, (host, violations) -> {
			for (ManifestObject gateway : PlatformRules.ofKind(objects, "Gateway")) {
				JsonNode servers = gateway.path("spec.servers");
				for (int s = 0; s < servers.size(); s++) {
					// A Gateway host may be written namespace/host.
					expectHosts(gateway, "spec.servers[" + s + "].hosts", servers.get(s).path("hosts"), host,
							(name) -> name.substring(name.indexOf('/') + 1), violations);
				}
			}
			for (ManifestObject service : PlatformRules.ofKind(objects, "VirtualService")) {
				if (boundToGateway(service)) {
					expectHosts(service, "spec.hosts", service.path("spec.hosts"), host, (name) -> name, violations);
				}
			}
			for (ManifestObject certificate : PlatformRules.ofKind(objects, "Certificate")) {
				expectHosts(certificate, "spec.dnsNames", certificate.path("spec.dnsNames"), host, (name) -> name,
						violations);
			}
			for (ManifestObject policy : PlatformRules.ofKind(objects, "AuthorizationPolicy")) {
				checkPolicyHosts(policy, host, violations);
			}
		});
	}

	/**
	 * Browser origins (api-gateway's CORS list) are https on the public host or one of
	 * its subdomains (the web clients, e.g. {@code app.<host>}); the mail sender's domain
	 * is the public host or one of its subdomains.
	 */
	static List<Violation> originsAndSenderAreUnderThePublicHost(List<ManifestObject> objects) {
		return withHost(objects, (host, violations) -> {
			for (ManifestObject config : PlatformRules.ofKind(objects, "ConfigMap")) {
				for (Map.Entry<String, String> entry : data(config)) {
					String field = "data." + entry.getKey();
					if (CORS_KEY.matcher(entry.getKey()).matches()) {
						for (String origin : commaSeparated(entry.getValue())) {
							originProblem(origin, host).ifPresent(
									(problem) -> violations.add(Violation.of(config, field, origin + ": " + problem)));
						}
					}
					else if (MAIL_FROM_KEY.matcher(entry.getKey()).matches()) {
						var mailbox = MAILBOX.matcher(entry.getValue().trim());
						if (!mailbox.matches() || !isUnder(mailbox.group(1), host)) {
							violations.add(Violation.of(config, field, "the sender '" + entry.getValue()
									+ "' is not an address on " + host + " or one of its subdomains"));
						}
					}
				}
			}
		});
	}

	/** Origins of the web clients: the hosts of every CORS origin of the environment. */
	static Set<String> webClientHosts(List<ManifestObject> objects) {
		Set<String> hosts = new TreeSet<>();
		for (ManifestObject config : PlatformRules.ofKind(objects, "ConfigMap")) {
			for (Map.Entry<String, String> entry : data(config)) {
				if (CORS_KEY.matcher(entry.getKey()).matches()) {
					commaSeparated(entry.getValue()).stream()
						.map(PublicHostRules::uri)
						.flatMap(Optional::stream)
						.map(URI::getHost)
						.filter((name) -> name != null)
						.forEach(hosts::add);
				}
			}
		}
		return hosts;
	}

	static List<Map.Entry<String, String>> data(ManifestObject config) {
		List<Map.Entry<String, String>> entries = new ArrayList<>();
		config.path("data")
			.fields()
			.forEachRemaining((field) -> entries.add(Map.entry(field.getKey(), field.getValue().asText())));
		return entries;
	}

	static List<String> commaSeparated(String value) {
		return Stream.of(value.split(",")).map(String::trim).filter((part) -> !part.isEmpty()).toList();
	}

	static Optional<URI> uri(String value) {
		try {
			return Optional.of(new URI(value));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	static boolean isUnder(String name, String host) {
		return name.equals(host) || name.endsWith("." + host);
	}

	/** Without a host to compare with, every rule reports that first. */
	static List<Violation> withHost(List<ManifestObject> objects, BiConsumer<String, List<Violation>> rule) {
		List<Violation> violations = new ArrayList<>();
		host(objects).ifPresentOrElse((host) -> rule.accept(host, violations),
				() -> violations.add(new Violation("environments/<env>/configmap-public-host.yaml",
						"ConfigMap " + SOURCE_NAME, "data.host", "no public host for this environment")));
		return violations;
	}

	private static void checkJwks(ManifestObject owner, String field, String value, String host,
			List<Violation> violations) {
		if (value.isEmpty()) {
			return;
		}
		Optional<URI> jwks = uri(value);
		String name = jwks.map(URI::getHost).orElse(null);
		boolean inMesh = name != null && name.endsWith(IN_CLUSTER_SUFFIX);
		boolean onPublicHost = name != null && name.equals(host) && "https".equals(jwks.get().getScheme());
		if (!inMesh && !onPublicHost) {
			violations.add(Violation.of(owner, field,
					"the JWKS URL '" + value + "' is neither inside the mesh nor https on " + host));
		}
	}

	private static void expectEqual(ManifestObject owner, String field, String value, String expected,
			List<Violation> violations) {
		if (!value.equals(expected)) {
			violations.add(Violation.of(owner, field, "'" + value + "' is not the environment's " + expected));
		}
	}

	private static void expectHosts(ManifestObject owner, String field, JsonNode names, String host,
			UnaryOperator<String> hostOf, List<Violation> violations) {
		for (int n = 0; n < names.size(); n++) {
			String name = hostOf.apply(names.get(n).asText());
			if (!name.equals(host)) {
				violations.add(Violation.of(owner, field + "[" + n + "]",
						"'" + name + "' is not the environment's public host " + host));
			}
		}
	}

	private static boolean boundToGateway(ManifestObject service) {
		for (JsonNode gateway : service.path("spec.gateways")) {
			if (!gateway.asText().equals("mesh")) {
				return true;
			}
		}
		return false;
	}

	/** Host names outside the cluster that a policy matches must be the public host. */
	private static void checkPolicyHosts(ManifestObject policy, String host, List<Violation> violations) {
		JsonNode rules = policy.path("spec.rules");
		for (int r = 0; r < rules.size(); r++) {
			JsonNode to = rules.get(r).path("to");
			for (int t = 0; t < to.size(); t++) {
				for (String key : List.of("hosts", "notHosts")) {
					JsonNode names = to.get(t).path("operation").path(key);
					for (int n = 0; n < names.size(); n++) {
						String name = names.get(n).asText().replaceFirst(":[^:]*$", "");
						if (!name.endsWith(IN_CLUSTER_SUFFIX) && !name.equals(host)) {
							violations.add(Violation.of(policy,
									"spec.rules[" + r + "].to[" + t + "].operation." + key + "[" + n + "]",
									"'" + names.get(n).asText() + "' is not the environment's public host " + host));
						}
					}
				}
			}
		}
	}

	private static Optional<String> originProblem(String origin, String host) {
		Optional<URI> uri = uri(origin);
		if (uri.isEmpty() || uri.get().getHost() == null) {
			return Optional.of("not an origin");
		}
		if (!"https".equals(uri.get().getScheme())) {
			return Optional.of("a browser origin of a public environment is https");
		}
		if (!isUnder(uri.get().getHost(), host)) {
			return Optional.of("not " + host + " or one of its subdomains");
		}
		String path = uri.get().getRawPath();
		if (path != null && !path.isEmpty()) {
			return Optional.of("an origin has no path (CORS compares scheme, host and port only)");
		}
		return Optional.empty();
	}

}
