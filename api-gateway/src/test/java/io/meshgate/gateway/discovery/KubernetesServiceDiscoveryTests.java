package io.meshgate.gateway.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway in the {@code kubernetes} profile, its Kubernetes client pointed at a
 * fabric8 mock API server: {@code lb://} names resolve through Spring Cloud Kubernetes'
 * SERVICE mode to the Service's cluster DNS name, so the Istio sidecar, not the gateway,
 * picks the pod.
 */
@EnableKubernetesMockClient(crud = true)
@SpringBootTest(properties = { "management.server.port=0",
		// auth-service is not needed: the gateway starts without its keys.
		"meshgate.gateway.security.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks" })
@ActiveProfiles("kubernetes")
class KubernetesServiceDiscoveryTests {

	// Set by the mock server extension before the Spring context starts.
	static KubernetesMockServer server;

	static KubernetesClient client;

	@Autowired
	LoadBalancerClientFactory loadBalancers;

	@DynamicPropertySource
	static void apiServer(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.kubernetes.client.master-url", () -> server.url("/"));
		registry.add("spring.cloud.kubernetes.client.trust-certs", () -> "true");
	}

	@BeforeAll
	static void services() throws InterruptedException {
		client.resource(service("meshgate", "product-service")).create();
		// A Service in another namespace: the gateway must not pick it up.
		client.resource(service("elsewhere", "review-service")).create();
		// The gateway starts after this method: what the server records from here on is
		// the gateway's.
		takeRecordedRequests();
	}

	@Test
	void resolvesServiceNameToClusterDnsNameOnHttpPort() {
		ServiceInstance instance = choose("product-service");

		assertThat(instance.getHost()).isEqualTo("product-service.meshgate.svc.cluster.local");
		assertThat(instance.getPort()).isEqualTo(8080);
		assertThat(instance.getUri()).hasToString("http://product-service.meshgate.svc.cluster.local:8080");
	}

	@Test
	void ignoresServicesOutsideTheMeshgateNamespace() {
		assertThat(choose("review-service")).isNull();
	}

	@Test
	void onlyListsServicesInMeshgate() throws InterruptedException {
		choose("product-service");

		// What role-api-gateway.yaml grants: list Services in meshgate, nothing else.
		assertThat(takeRecordedRequests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.getMethod() + " " + request.getPath())
				.startsWith("GET /api/v1/namespaces/meshgate/services?"));
	}

	private ServiceInstance choose(String serviceId) {
		Response<ServiceInstance> response = Mono.from(this.loadBalancers.getInstance(serviceId).choose()).block();
		return (response != null && response.hasServer()) ? response.getServer() : null;
	}

	private static List<RecordedRequest> takeRecordedRequests() throws InterruptedException {
		List<RecordedRequest> requests = new ArrayList<>();
		RecordedRequest request;
		while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
			requests.add(request);
		}
		return requests;
	}

	private static Service service(String namespace, String name) {
		return new ServiceBuilder().withNewMetadata()
			.withNamespace(namespace)
			.withName(name)
			.endMetadata()
			.withNewSpec()
			.addNewPort()
			.withName("http-management")
			.withPort(8081)
			.endPort()
			.addNewPort()
			.withName("http")
			.withPort(8080)
			.endPort()
			.endSpec()
			.build();
	}

}
