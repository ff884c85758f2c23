package io.meshgate.bridge.reconciler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.Lease;
import io.meshgate.bridge.eureka.EurekaInstance;

/**
 * The instances an export syncer wants in Eureka, read from the informer caches: one per
 * Service ({@code mode: service}) or one per pod address ({@code mode: pod}). Ready
 * endpoints are {@code UP}; endpoints that are not ready stay registered as {@code DOWN}
 * so that Eureka clients skip them while a readiness flip costs no re-registration;
 * terminating endpoints are left out.
 */
final class ExportTargets {

	static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

	private final ResourceCache<Service> services;

	private final ResourceCache<EndpointSlice> slices;

	private final ResourceCache<Pod> pods;

	private final String clusterDomain;

	ExportTargets(ResourceCache<Service> services, ResourceCache<EndpointSlice> slices, ResourceCache<Pod> pods,
			String clusterDomain) {
		this.services = services;
		this.slices = slices;
		this.pods = pods;
		this.clusterDomain = clusterDomain;
	}

	Targets of(EurekaSyncer syncer) {
		EurekaSyncerSpec spec = syncer.getSpec();
		Owner owner = Owner.of(syncer);
		if (spec.service() == null) {
			return Targets.found(podsBySelector(syncer, owner));
		}
		Optional<Service> service = this.services.get(new ResourceID(spec.service(), owner.namespace()));
		if (service.isEmpty()) {
			return Targets.missing("ServiceNotFound",
					"Service " + owner.namespace() + "/" + spec.service() + " does not exist");
		}
		Optional<ServicePort> port = servicePort(service.get(), spec.port());
		if (port.isEmpty()) {
			return Targets.missing("PortNotFound", "Service " + owner.namespace() + "/" + spec.service()
					+ " has no port " + Objects.requireNonNullElse(spec.port(), "named http"));
		}
		if (EurekaSyncerSpec.MODE_POD.equals(spec.effectiveMode())) {
			return Targets.found(podsOfService(syncer, owner, port.get()));
		}
		boolean anyReady = endpoints(owner.namespace(), spec.service(), port.get()).keySet()
			.stream()
			.anyMatch(ExportTargets::isReady);
		return Targets.found(List.of(serviceInstance(syncer, owner, service.get(), port.get(), anyReady)));
	}

	private EurekaInstance serviceInstance(EurekaSyncer syncer, Owner owner, Service service, ServicePort port,
			boolean anyReady) {
		String host = service.getMetadata().getName() + "." + owner.namespace() + ".svc." + this.clusterDomain;
		String clusterIp = service.getSpec().getClusterIP();
		// A headless Service has no virtual IP: its name is the only address.
		String ip = (clusterIp == null || clusterIp.isEmpty() || "None".equals(clusterIp)) ? host : clusterIp;
		return instance(syncer, owner, host, ip, port.getPort(), anyReady, Map.of());
	}

	private List<EurekaInstance> podsOfService(EurekaSyncer syncer, Owner owner, ServicePort servicePort) {
		Map<String, EurekaInstance> byId = new LinkedHashMap<>();
		endpoints(owner.namespace(), syncer.getSpec().service(), servicePort).forEach((endpoint, port) -> {
			if (isTerminating(endpoint) || endpoint.getAddresses().isEmpty()) {
				return;
			}
			String address = endpoint.getAddresses().get(0);
			Map<String, String> pod = (endpoint.getTargetRef() != null
					&& "Pod".equals(endpoint.getTargetRef().getKind()))
							? Map.of("k8s-pod", endpoint.getTargetRef().getName()) : Map.of();
			EurekaInstance instance = instance(syncer, owner, address, address, port, isReady(endpoint), pod);
			// The same address may appear in two slices while one is being replaced.
			byId.merge(instance.instanceId(), instance, (a, b) -> a.isUp() ? a : b);
		});
		return sorted(byId.values());
	}

	private List<EurekaInstance> podsBySelector(EurekaSyncer syncer, Owner owner) {
		Map<String, String> selector = syncer.getSpec().selector();
		return sorted(this.pods.list(owner.namespace(), (pod) -> matches(selector, pod))
			.filter((pod) -> pod.getMetadata().getDeletionTimestamp() == null)
			.filter((pod) -> pod.getStatus() != null && pod.getStatus().getPodIP() != null)
			.map((pod) -> instance(syncer, owner, pod.getStatus().getPodIP(), pod.getStatus().getPodIP(),
					syncer.getSpec().port(), isReady(pod), Map.of("k8s-pod", pod.getMetadata().getName())))
			.toList());
	}

	/**
	 * The endpoints of a Service with the target port each one serves the Service port
	 * on. Slices name their ports after the Service's.
	 */
	private Map<Endpoint, Integer> endpoints(String namespace, String service, ServicePort servicePort) {
		Map<Endpoint, Integer> result = new HashMap<>();
		this.slices
			.list(namespace,
					(slice) -> service.equals(slice.getMetadata().getLabels().getOrDefault(SERVICE_NAME_LABEL, "")))
			.forEach((slice) -> slicePort(slice, servicePort)
				.ifPresent((port) -> slice.getEndpoints().forEach((endpoint) -> result.put(endpoint, port))));
		return result;
	}

	private static Optional<Integer> slicePort(EndpointSlice slice, ServicePort servicePort) {
		List<EndpointPort> ports = (slice.getPorts() != null) ? slice.getPorts() : List.of();
		return ports.stream()
			.filter((port) -> Objects.equals(Objects.requireNonNullElse(port.getName(), ""),
					Objects.requireNonNullElse(servicePort.getName(), "")))
			.map(EndpointPort::getPort)
			.filter(Objects::nonNull)
			.findFirst();
	}

	/** The port asked for, else the one named http, else the first. */
	private static Optional<ServicePort> servicePort(Service service, Integer wanted) {
		List<ServicePort> ports = service.getSpec().getPorts();
		if (wanted != null) {
			return ports.stream().filter((port) -> wanted.equals(port.getPort())).findFirst();
		}
		return ports.stream()
			.filter((port) -> "http".equals(port.getName()))
			.findFirst()
			.or(() -> ports.stream().findFirst());
	}

	private static EurekaInstance instance(EurekaSyncer syncer, Owner owner, String host, String ip, int port,
			boolean ready, Map<String, String> extraMetadata) {
		Map<String, String> metadata = new HashMap<>(owner.metadata());
		metadata.putAll(extraMetadata);
		Lease lease = syncer.getSpec().effectiveLease();
		return new EurekaInstance(owner.instanceId(host, port), syncer.getSpec().appName(), host, ip, port,
				ready ? EurekaInstance.UP : EurekaInstance.DOWN, metadata, lease.renewalInterval(), lease.duration());
	}

	private static boolean isTerminating(Endpoint endpoint) {
		return endpoint.getConditions() != null && Boolean.TRUE.equals(endpoint.getConditions().getTerminating());
	}

	// An endpoint whose readiness is unknown counts as ready, as the EndpointSlice API
	// says.
	private static boolean isReady(Endpoint endpoint) {
		return endpoint.getConditions() == null || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
	}

	private static boolean isReady(Pod pod) {
		return pod.getStatus().getConditions() != null && pod.getStatus()
			.getConditions()
			.stream()
			.anyMatch((condition) -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
	}

	static boolean matches(Map<String, String> selector, Pod pod) {
		Map<String, String> labels = pod.getMetadata().getLabels();
		return selector != null && !selector.isEmpty() && labels != null
				&& labels.entrySet().containsAll(selector.entrySet());
	}

	private static List<EurekaInstance> sorted(Collection<EurekaInstance> instances) {
		List<EurekaInstance> list = new ArrayList<>(instances);
		list.sort(Comparator.comparing(EurekaInstance::instanceId));
		return list;
	}

	/**
	 * What an export syncer wants registered, or why its source cannot be found.
	 *
	 * @param instances the instances to register
	 * @param missingReason the condition reason when the source is missing, else null
	 * @param missingMessage what is missing
	 */
	record Targets(List<EurekaInstance> instances, String missingReason, String missingMessage) {

		static Targets found(List<EurekaInstance> instances) {
			return new Targets(instances, null, null);
		}

		static Targets missing(String reason, String message) {
			return new Targets(List.of(), reason, message);
		}

		boolean sourceFound() {
			return this.missingReason == null;
		}

	}

}
