package io.meshgate.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kubernetes API server calls admission webhooks without a mesh identity, so under
 * STRICT mTLS a webhook served from a namespace with sidecar injection must accept
 * plaintext on its port: a PeerAuthentication that selects its pods and makes that port
 * PERMISSIVE (its release's own or one rendered here), or its namespace is not injected.
 * Otherwise every object the webhook admits (failurePolicy Fail) is refused. A namespace
 * the bundle does not render counts as not injected: Argo CD's CreateNamespace creates it
 * without labels.
 */
final class AdmissionWebhookRules {

	private AdmissionWebhookRules() {
	}

	static List<Violation> webhooksAcceptTheApiServer(List<ManifestObject> objects, AdmissionWebhooks webhooks) {
		List<Violation> violations = new ArrayList<>();
		for (AdmissionWebhooks.WebhookService webhook : webhooks.webhooks()) {
			ManifestObject namespace = injectedNamespace(objects, webhook.namespace());
			if (namespace == null || webhook.releasePeerAuthentication() != null || !installed(objects, webhook)) {
				continue;
			}
			List<ManifestObject> selecting = PlatformRules.ofKind(objects, "PeerAuthentication")
				.stream()
				.filter((policy) -> policy.namespace().equals(webhook.namespace()))
				.filter((policy) -> Selectors.matches(policy.path("spec.selector.matchLabels"), webhook.podLabels()))
				.toList();
			if (selecting.stream().anyMatch((policy) -> plaintextAllowed(policy, webhook.port()))) {
				continue;
			}
			String problem = webhook.describe() + " is called by the API server without a mesh identity";
			if (selecting.isEmpty()) {
				violations.add(Violation.of(namespace, "metadata.labels",
						"sidecars are injected here, but no PeerAuthentication selects the pods of " + problem));
			}
			for (ManifestObject policy : selecting) {
				violations.add(Violation.of(policy, "spec.portLevelMtls",
						"port " + webhook.port() + " is not PERMISSIVE, but " + problem));
			}
		}
		return violations;
	}

	/**
	 * A webhook of an additional manifest (prod's Kafka Broker) runs only where a
	 * KnativeEventing installs that manifest.
	 */
	private static boolean installed(List<ManifestObject> objects, AdmissionWebhooks.WebhookService webhook) {
		if (webhook.additionalManifest() == null) {
			return true;
		}
		return PlatformRules.ofKind(objects, "KnativeEventing")
			.stream()
			.flatMap((eventing) -> StreamSupport.stream(eventing.path("spec.additionalManifests").spliterator(), false))
			.anyMatch((manifest) -> manifest.path("URL").asText().endsWith("/" + webhook.additionalManifest()));
	}

	/** The namespace's object when the bundle labels it for injection, else null. */
	private static ManifestObject injectedNamespace(List<ManifestObject> objects, String name) {
		return PlatformRules.ofKind(objects, "Namespace")
			.stream()
			.filter((namespace) -> namespace.name().equals(name))
			.filter((namespace) -> namespace.label("istio-injection").filter("enabled"::equals).isPresent()
					|| namespace.label("istio.io/rev").isPresent())
			.findFirst()
			.orElse(null);
	}

	/** The port's mode, else the policy's own mode, is PERMISSIVE or DISABLE. */
	private static boolean plaintextAllowed(ManifestObject policy, int port) {
		JsonNode portMode = policy.path("spec.portLevelMtls").path(String.valueOf(port)).path("mode");
		String mode = portMode.isMissingNode() ? policy.path("spec.mtls.mode").asText("") : portMode.asText();
		return mode.equals("PERMISSIVE") || mode.equals("DISABLE");
	}

}
