package io.meshgate.manifests;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth clients auth-service registers per overlay, through the environment variables
 * of its ConfigMap (auth-service's {@code ClientProperties}, docs/deploy.md "OAuth
 * clients"). The authorization server sends codes and logged-out browsers only to the
 * URIs registered here, so each must be one the environment serves.
 */
final class OAuthClientRules {

	/** {@code meshgate.clients.<client>.(post-logout-)redirect-uris}, list or indexed. */
	private static final Pattern URIS_KEY = Pattern
		.compile("MESHGATE_CLIENTS_(WEBAPP|CLI)_(REDIRECTURIS|POSTLOGOUTREDIRECTURIS)(_\\d+_?)?");

	private static final Pattern SERVICE_SECRET_KEY = Pattern.compile("MESHGATE_CLIENTS_SERVICES_\\d+_SECRET");

	private static final String AUTH_SERVICE_CONFIG = "auth-service-config";

	private static final String WEB_APP_REDIRECT_KEY = "MESHGATE_CLIENTS_WEBAPP_REDIRECTURIS";

	/**
	 * RFC 8252 section 7.3: a native app's loopback redirect names the IP literal
	 * (section 8.3: not {@code localhost}), over http; the server accepts any port.
	 */
	private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]");

	private OAuthClientRules() {
	}

	/**
	 * Every registered redirect and post-logout redirect URI is https on the public host
	 * or a web client origin of api-gateway's CORS list, without a fragment (RFC 6749
	 * section 3.1.2); the command-line client may instead use a loopback URI.
	 */
	static List<Violation> redirectUrisAreServedByTheEnvironment(List<ManifestObject> objects) {
		return PublicHostRules.withHost(objects, (host, violations) -> {
			Set<String> served = new TreeSet<>(PublicHostRules.webClientHosts(objects));
			served.add(host);
			for (ManifestObject config : PlatformRules.ofKind(objects, "ConfigMap")) {
				for (Map.Entry<String, String> entry : PublicHostRules.data(config)) {
					Matcher key = URIS_KEY.matcher(entry.getKey());
					if (!key.matches()) {
						continue;
					}
					boolean nativeClient = key.group(1).equals("CLI");
					for (String uri : PublicHostRules.commaSeparated(entry.getValue())) {
						uriProblem(uri, served, nativeClient).ifPresent((problem) -> violations
							.add(Violation.of(config, "data." + entry.getKey(), uri + ": " + problem)));
					}
				}
			}
		});
	}

	/**
	 * Where auth-service runs, web-app has a redirect URI: with none it cannot finish a
	 * login (application.yaml registers none outside the local profile).
	 */
	static List<Violation> webAppHasARedirectUri(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject config : PlatformRules.ofKind(objects, "ConfigMap")) {
			if (config.name().startsWith(AUTH_SERVICE_CONFIG) && PublicHostRules.data(config)
				.stream()
				.noneMatch((entry) -> entry.getKey().startsWith(WEB_APP_REDIRECT_KEY) && !entry.getValue().isBlank())) {
				violations.add(Violation.of(config, "data." + WEB_APP_REDIRECT_KEY,
						"web-app has no redirect URI in this environment: no browser login can complete"));
			}
		}
		return violations;
	}

	/** A service client's secret comes from a Secret, never a ConfigMap (ADR 0004). */
	static List<Violation> clientSecretsAreNotInConfigMaps(List<ManifestObject> objects) {
		List<Violation> violations = new ArrayList<>();
		for (ManifestObject config : PlatformRules.ofKind(objects, "ConfigMap")) {
			for (Map.Entry<String, String> entry : PublicHostRules.data(config)) {
				if (SERVICE_SECRET_KEY.matcher(entry.getKey()).matches()) {
					violations.add(Violation.of(config, "data." + entry.getKey(),
							"a client secret in a ConfigMap is in git: read it from a Secret (secretKeyRef)"));
				}
			}
		}
		return violations;
	}

	private static Optional<String> uriProblem(String value, Set<String> served, boolean nativeClient) {
		Optional<URI> parsed = PublicHostRules.uri(value);
		if (parsed.isEmpty() || parsed.get().getHost() == null) {
			return Optional.of("not an absolute URI");
		}
		URI uri = parsed.get();
		if (uri.getRawFragment() != null) {
			return Optional.of("a redirect URI has no fragment (RFC 6749 section 3.1.2)");
		}
		if (LOOPBACK_HOSTS.contains(uri.getHost())) {
			if (!nativeClient) {
				return Optional.of("a loopback redirect is for the native client meshgate-cli only (RFC 8252)");
			}
			return "http".equals(uri.getScheme()) ? Optional.empty()
					: Optional.of("a loopback redirect is http (RFC 8252 section 7.3)");
		}
		if (!"https".equals(uri.getScheme())) {
			return Optional.of("not https; only meshgate-cli's loopback redirect (127.0.0.1 or [::1]) may be http");
		}
		if (!served.contains(uri.getHost())) {
			return Optional.of("'" + uri.getHost() + "' is neither the public host nor a web client origin " + served);
		}
		return Optional.empty();
	}

}
