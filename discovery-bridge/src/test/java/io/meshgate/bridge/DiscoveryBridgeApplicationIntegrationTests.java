package io.meshgate.bridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshgate.bridge.customresource.EurekaSyncer;
import io.meshgate.bridge.customresource.EurekaSyncerSpec;
import io.meshgate.bridge.support.KubernetesTestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as it runs in its pod: the operator started by Spring, probes and
 * metrics on the management port (the only port; 8081 in Kubernetes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "discovery-bridge.leader-election.enabled=false", "discovery-bridge.watch-namespaces=shop",
				// The Eureka server used by other tests brings eureka-client along.
				"eureka.client.enabled=false" })
class DiscoveryBridgeApplicationIntegrationTests {

	private static final KubernetesTestServer kubernetes = new KubernetesTestServer();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@AfterAll
	static void stopKubernetes() {
		kubernetes.close();
	}

	@Test
	void probesAnswerUpOnceTheOperatorWatches() throws Exception {
		assertThat(get("/actuator/health/liveness")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"UP\"");
		});
		assertThat(get("/actuator/health/readiness")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"UP\"");
		});
	}

	@Test
	void prometheusExposesReconciliationsAndSyncFailures() {
		EurekaSyncer syncer = new EurekaSyncer();
		syncer.getMetadata().setName("metrics-check");
		syncer.getMetadata().setNamespace("shop");
		syncer.setSpec(new EurekaSyncerSpec("export", "ORDERS", List.of("http://eureka.invalid:8761/eureka"), "orders",
				null, "sidecar", null, null, null, null, null));
		kubernetes.client().resource(syncer).create();

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> get("/actuator/prometheus").body(),
					(body) -> body.contains("discovery_bridge_sync_failures_total{reason=\"InvalidSpec\"")
							&& body.contains("operator_sdk_reconciliations_started_total"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MockKubernetes {

		@Bean(destroyMethod = "close")
		@Primary
		KubernetesClient mockKubernetesClient() {
			return kubernetes.newClient();
		}

	}

}
