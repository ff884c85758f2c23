package io.meshgate.bridge.reconciler;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshgate.bridge.customresource.EurekaSyncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on a syncer, for {@code kubectl describe}. Recorded on transitions
 * only, so that a retry loop against an unreachable Eureka does not flood the namespace.
 * A failure to record is logged and never fails a reconciliation.
 */
public class SyncerEvents {

	static final String COMPONENT = "discovery-bridge";

	private static final Logger log = LoggerFactory.getLogger(SyncerEvents.class);

	private final KubernetesClient client;

	private final String instance;

	public SyncerEvents(KubernetesClient client, String instance) {
		this.client = client;
		this.instance = instance;
	}

	void normal(EurekaSyncer syncer, String reason, String message) {
		record(syncer, "Normal", reason, message);
	}

	void warning(EurekaSyncer syncer, String reason, String message) {
		record(syncer, "Warning", reason, message);
	}

	private void record(EurekaSyncer syncer, String type, String reason, String message) {
		String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
		String namespace = syncer.getMetadata().getNamespace();
		try {
			this.client.v1()
				.events()
				.inNamespace(namespace)
				.resource(new EventBuilder().withNewMetadata()
					.withGenerateName(syncer.getMetadata().getName() + ".")
					.withNamespace(namespace)
					.endMetadata()
					.withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(syncer.getApiVersion())
						.withKind(syncer.getKind())
						.withName(syncer.getMetadata().getName())
						.withNamespace(namespace)
						.withUid(syncer.getMetadata().getUid())
						.build())
					.withType(type)
					.withReason(reason)
					.withMessage(message)
					.withNewSource()
					.withComponent(COMPONENT)
					.endSource()
					.withReportingComponent(COMPONENT)
					.withReportingInstance(this.instance)
					.withFirstTimestamp(now)
					.withLastTimestamp(now)
					.withCount(1)
					.build())
				.create();
		}
		catch (KubernetesClientException ex) {
			log.warn("Could not record event {} on EurekaSyncer {}/{}: {}", reason, namespace,
					syncer.getMetadata().getName(), ex.getMessage());
		}
	}

}
