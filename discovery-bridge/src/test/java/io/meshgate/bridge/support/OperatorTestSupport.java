package io.meshgate.bridge.support;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.javaoperatorsdk.operator.Operator;
import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.customresource.Lease;
import io.meshgate.bridge.eureka.EurekaClient;
import io.meshgate.bridge.eureka.EurekaInstance;
import io.meshgate.bridge.operator.BridgeOperator;
import io.meshgate.bridge.operator.BridgeProperties;
import io.meshgate.bridge.reconciler.EurekaSyncerReconciler;
import io.meshgate.bridge.reconciler.SyncerEvents;
import io.meshgate.bridge.reconciler.SyncerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator as it ships ({@link BridgeOperator}), against the fabric8 mock API server
 * in CRUD mode ({@link KubernetesTestServer}) and a real Eureka server. One operator per
 * test class; each test works in names of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OperatorTestSupport {

	protected static final String NAMESPACE = "shop";

	protected KubernetesTestServer kubernetes;

	protected KubernetesClient client;

	protected Operator operator;

	protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	protected final EurekaClient eurekaClient = new EurekaClient(HttpClient.newHttpClient(), Duration.ofSeconds(10));

	/**
	 * The Eureka server this class talks to; the shared one unless a class needs its own.
	 */
	protected EurekaTestServer eureka() {
		return EurekaTestServer.shared();
	}

	@BeforeAll
	void startOperator() {
		this.kubernetes = new KubernetesTestServer();
		this.client = this.kubernetes.client();
		this.operator = newOperator();
		this.operator.start();
	}

	@AfterAll
	void stopOperator() {
		this.operator.stop();
		this.kubernetes.close();
	}

	/** Stops the operator and starts a new one, as a rollout or a crash would. */
	protected void restartOperator() {
		this.operator.stop();
		this.operator = newOperator();
		this.operator.start();
	}

	private Operator newOperator() {
		EurekaClient eurekaForOperator = new EurekaClient(HttpClient.newHttpClient(), Duration.ofSeconds(2));
		EurekaSyncerReconciler reconciler = new EurekaSyncerReconciler(eurekaForOperator,
				new SyncerEvents(this.client, "test"), new SyncerMetrics(this.meters), "cluster.local");
		return BridgeOperator.create(this.client, reconciler, this.meters, Set.of(NAMESPACE),
				new BridgeProperties.Retry(Duration.ofMillis(200), Duration.ofSeconds(1)), Optional.empty());
	}

	protected static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
	}

	// --- Kubernetes objects
	// -------------------------------------------------------------

	protected EurekaSyncer createSyncer(String name, EurekaSyncerSpec spec) {
		EurekaSyncer syncer = new EurekaSyncer();
		syncer.getMetadata().setName(name);
		syncer.getMetadata().setNamespace(NAMESPACE);
		syncer.setSpec(spec);
		return this.client.resource(syncer).create();
	}

	protected Optional<EurekaSyncer> syncer(String name) {
		return Optional
			.ofNullable(this.client.resources(EurekaSyncer.class).inNamespace(NAMESPACE).withName(name).get());
	}

	protected void deleteSyncer(String name) {
		this.client.resources(EurekaSyncer.class).inNamespace(NAMESPACE).withName(name).delete();
	}

	protected Optional<Condition> condition(String syncer, String type) {
		return syncer(syncer).filter((s) -> s.getStatus() != null).flatMap((s) -> s.getStatus().condition(type));
	}

	/** An export spec with a one-second lease renewal, so tests see renewals quickly. */
	protected EurekaSyncerSpec exportSpec(String app, String service, String mode) {
		return new EurekaSyncerSpec("export", app, List.of(eureka().url().toString()), service, null, mode, null,
				new Lease(1, 5), null, null, null);
	}

	protected void createService(String name, String clusterIp) {
		this.client
			.resource(new ServiceBuilder().withNewMetadata()
				.withName(name)
				.withNamespace(NAMESPACE)
				.endMetadata()
				.withNewSpec()
				.withClusterIP(clusterIp)
				.withSelector(Map.of("app", name))
				.addNewPort()
				.withName("http")
				.withPort(80)
				.withNewTargetPort(8080)
				.endPort()
				.endSpec()
				.build())
			.create();
	}

	/**
	 * Writes the one EndpointSlice of a Service, as the EndpointSlice controller would.
	 */
	protected void endpoints(String service, Endpoint... endpoints) {
		this.client
			.resource(new EndpointSliceBuilder().withNewMetadata()
				.withName(service + "-abcde")
				.withNamespace(NAMESPACE)
				.withLabels(Map.of("kubernetes.io/service-name", service))
				.endMetadata()
				.withAddressType("IPv4")
				.addNewPort()
				.withName("http")
				.withPort(8080)
				.withProtocol("TCP")
				.endPort()
				.withEndpoints(endpoints)
				.build())
			.createOr(NonDeletingOperation::update);
	}

	protected static Endpoint endpoint(String address, boolean ready) {
		return new EndpointBuilder().withAddresses(address)
			.withNewConditions()
			.withReady(ready)
			.withServing(ready)
			.withTerminating(false)
			.endConditions()
			.withNewTargetRef()
			.withKind("Pod")
			.withName("pod-" + address.replace('.', '-'))
			.withNamespace(NAMESPACE)
			.endTargetRef()
			.build();
	}

	protected void pod(String name, Map<String, String> labels, String ip, boolean ready) {
		this.client
			.resource(new PodBuilder().withNewMetadata()
				.withName(name)
				.withNamespace(NAMESPACE)
				.withLabels(labels)
				.endMetadata()
				.withNewSpec()
				.addNewContainer()
				.withName("app")
				.withImage("example/app:1")
				.endContainer()
				.endSpec()
				.withNewStatus()
				.withPodIP(ip)
				.addNewCondition()
				.withType("Ready")
				.withStatus(ready ? "True" : "False")
				.endCondition()
				.endStatus()
				.build())
			.createOr(NonDeletingOperation::update);
	}

	protected List<Event> events(String syncer) {
		return this.client.v1()
			.events()
			.inNamespace(NAMESPACE)
			.list()
			.getItems()
			.stream()
			.filter((event) -> syncer.equals(event.getInvolvedObject().getName()))
			.toList();
	}

	// --- Eureka
	// --------------------------------------------------------------------------

	protected List<EurekaInstance> eurekaInstances(String app) {
		return this.eurekaClient.instances(eureka().url(), app);
	}

	protected List<String> upAddresses(String app) {
		return eurekaInstances(app).stream().filter(EurekaInstance::isUp).map(EurekaInstance::ipAddr).sorted().toList();
	}

}
