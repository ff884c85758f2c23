package io.meshgate.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code knative/webhooks.yaml}: the admission webhook Services the pinned releases
 * serve.
 *
 * @param webhooks one entry per Service
 */
record AdmissionWebhooks(List<WebhookService> webhooks) {

	static final String FILE = "knative/webhooks.yaml";

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	static AdmissionWebhooks load(Path file) {
		try {
			return YAML.readValue(file.toFile(), AdmissionWebhooks.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static AdmissionWebhooks ofRepository() {
		return load(Repository.root().resolve(FILE));
	}

	/**
	 * A Service the API server calls.
	 *
	 * @param service its name
	 * @param namespace its namespace
	 * @param podLabels the labels of the pods behind it
	 * @param port the container port it targets
	 * @param configurations the webhook configurations and CRDs that call it
	 * @param releasePeerAuthentication {@code namespace/name} of a PeerAuthentication the
	 * release installs itself, or null
	 * @param additionalManifest the file name of the KnativeEventing additional manifest
	 * that installs it, or null when the operator's bundled release does
	 * @param confirmed where these facts were read
	 */
	record WebhookService(String service, String namespace, Map<String, String> podLabels, int port,
			List<String> configurations, String releasePeerAuthentication, String additionalManifest,
			String confirmed) {

		String describe() {
			return "webhook Service " + this.namespace + "/" + this.service + " (port " + this.port + ", " + FILE + ")";
		}

	}

}
