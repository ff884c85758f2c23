package io.meshgate.bridge.reconciler;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePortBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntryBuilder;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.ServiceEntryBuilder;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.eureka.EurekaClient;
import io.meshgate.bridge.eureka.EurekaInstance;

/**
 * Keeps an Istio ServiceEntry, named after the syncer and owned by it, listing the
 * {@code UP} instances of a Eureka application as endpoints: mesh workloads then call the
 * legacy application by {@code spec.host} through their sidecar, where retries, timeouts,
 * telemetry and (with {@code MESH_INTERNAL}) mutual TLS apply. Instances the bridge
 * itself exported are skipped, so that an application never loops back into the mesh.
 */
final class MeshImport {

	static final String PORT_NAME = "http";

	private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

	private final EurekaClient eureka;

	private final KubernetesClient kubernetes;

	private final ResourceCache<ServiceEntry> serviceEntries;

	MeshImport(EurekaClient eureka, KubernetesClient kubernetes, ResourceCache<ServiceEntry> serviceEntries) {
		this.eureka = eureka;
		this.kubernetes = kubernetes;
		this.serviceEntries = serviceEntries;
	}

	/**
	 * Reads the application from Eureka and writes the ServiceEntry if it changed.
	 * @return the number of endpoints imported
	 */
	int sync(EurekaSyncer syncer, List<URI> servers) {
		String app = syncer.getSpec().appName();
		List<EurekaInstance> instances = this.eureka.onFirstReachable(servers,
				(server) -> this.eureka.instances(server, app));
		List<WorkloadEntry> endpoints = instances.stream()
			.filter(EurekaInstance::isUp)
			.filter((instance) -> !Owner.isBridged(instance))
			.sorted(Comparator.comparing(EurekaInstance::ipAddr).thenComparing(EurekaInstance::port))
			.map((instance) -> new WorkloadEntryBuilder().withAddress(instance.ipAddr())
				.withPorts(Map.of(PORT_NAME, (long) instance.port()))
				.build())
			.distinct()
			.toList();
		apply(syncer, desired(syncer, endpoints));
		return endpoints.size();
	}

	void delete(EurekaSyncer syncer) {
		istio().v1()
			.serviceEntries()
			.inNamespace(syncer.getMetadata().getNamespace())
			.withName(syncer.getMetadata().getName())
			.delete();
	}

	private void apply(EurekaSyncer syncer, ServiceEntry desired) {
		Optional<ServiceEntry> current = this.serviceEntries
			.get(new ResourceID(desired.getMetadata().getName(), desired.getMetadata().getNamespace()));
		if (current.isEmpty()) {
			istio().v1().serviceEntries().resource(desired).create();
		}
		else if (!current.get().getSpec().equals(desired.getSpec())
				|| !current.get().getMetadata().getLabels().equals(desired.getMetadata().getLabels())) {
			// The cached resourceVersion makes this a compare-and-set: a concurrent
			// writer
			// causes a conflict, and the retry starts from a fresh cache.
			desired.getMetadata().setResourceVersion(current.get().getMetadata().getResourceVersion());
			istio().v1().serviceEntries().resource(desired).update();
		}
	}

	private static ServiceEntry desired(EurekaSyncer syncer, List<WorkloadEntry> endpoints) {
		EurekaSyncerSpec spec = syncer.getSpec();
		boolean allIps = endpoints.stream().allMatch((endpoint) -> IP_ADDRESS.matcher(endpoint.getAddress()).matches());
		return new ServiceEntryBuilder().withNewMetadata()
			.withName(syncer.getMetadata().getName())
			.withNamespace(syncer.getMetadata().getNamespace())
			.withLabels(Map.of("app.kubernetes.io/managed-by", Owner.BRIDGE, "discovery.meshgate.io/eureka-app",
					spec.appName().toLowerCase(Locale.ROOT)))
			.addNewOwnerReference()
			.withApiVersion(syncer.getApiVersion())
			.withKind(syncer.getKind())
			.withName(syncer.getMetadata().getName())
			.withUid(syncer.getMetadata().getUid())
			.withController(true)
			.withBlockOwnerDeletion(true)
			.endOwnerReference()
			.endMetadata()
			.withNewSpec()
			.withHosts(spec.host())
			// Visible only in the syncer's namespace, as a Service of that namespace
			// would be
			// to a Sidecar that imports "./*".
			.withExportTo(".")
			.withLocation(ServiceEntryLocation.valueOf(spec.effectiveLocation()))
			// Eureka instances carry IP addresses; a host name among them needs DNS.
			.withResolution(allIps ? ServiceEntryResolution.STATIC : ServiceEntryResolution.DNS)
			.withPorts(new ServicePortBuilder().withNumber((long) spec.importPort())
				.withName(PORT_NAME)
				.withProtocol("HTTP")
				.build())
			.withEndpoints(endpoints)
			.endSpec()
			.build();
	}

	private IstioClient istio() {
		return this.kubernetes.adapt(IstioClient.class);
	}

}
