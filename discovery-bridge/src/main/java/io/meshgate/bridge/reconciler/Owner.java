package io.meshgate.bridge.reconciler;

import java.util.Map;

import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.eureka.EurekaInstance;

/**
 * The syncer an exported instance belongs to, written into its Eureka metadata. Eureka is
 * the only record of what the bridge registered: after a restart of the operator, the
 * instances it must renew or cancel are found again by this metadata.
 *
 * @param namespace the syncer's namespace
 * @param name the syncer's name
 */
record Owner(String namespace, String name) {

	static final String MANAGED_BY = "managed-by";

	static final String BRIDGE = "discovery-bridge";

	static final String NAMESPACE = "k8s-namespace";

	static final String SYNCER = "k8s-syncer";

	static Owner of(EurekaSyncer syncer) {
		return new Owner(syncer.getMetadata().getNamespace(), syncer.getMetadata().getName());
	}

	Map<String, String> metadata() {
		return Map.of(MANAGED_BY, BRIDGE, NAMESPACE, this.namespace, SYNCER, this.name);
	}

	boolean owns(EurekaInstance instance) {
		return instance.metadata().entrySet().containsAll(metadata().entrySet());
	}

	/** Instances registered by any syncer: never imported back into the mesh. */
	static boolean isBridged(EurekaInstance instance) {
		return BRIDGE.equals(instance.metadata().get(MANAGED_BY));
	}

	/** Unique per syncer and address, readable on Eureka's dashboard. */
	String instanceId(String address, int port) {
		return address + ":" + port + ":" + this.namespace + ":" + this.name;
	}

}
