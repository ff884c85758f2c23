package io.meshgate.bridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

/**
 * The fabric8 mock API server in CRUD mode, on loopback, with the generated EurekaSyncer
 * CRD installed and Istio's ServiceEntry known. It stores, watches and patches like an
 * API server but applies no schema: what the operator must check itself reaches it.
 */
public final class KubernetesTestServer implements AutoCloseable {

	private static final String CRD = "META-INF/fabric8/eurekasyncers.discovery.meshgate.io-v1.yml";

	private final KubernetesMockServer server;

	private final KubernetesClient client;

	public KubernetesTestServer() {
		// CRUD for everything, plus the few answers an API server computes rather than
		// stores (allowLeaseAccess).
		Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
		this.server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
				new KubernetesMixedDispatcher(expectations, List.of(istioServiceEntries())), false);
		this.server.init(InetAddress.getLoopbackAddress(), 0);
		// The JDK client, as in production: the test class path also holds Vert.x.
		this.client = this.server.createClient(new JdkHttpClientFactory());
		try (InputStream crd = getClass().getClassLoader().getResourceAsStream(CRD)) {
			this.client.apiextensions().v1().customResourceDefinitions().load(crd).create();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public KubernetesClient client() {
		return this.client;
	}

	/**
	 * A new client of this server, for a process of its own (the application under test).
	 */
	public KubernetesClient newClient() {
		return this.server.createClient(new JdkHttpClientFactory());
	}

	/**
	 * Answers JOSDK's SelfSubjectRulesReview before leader election as the API server
	 * would with role-discovery-bridge-leader-election.yaml bound.
	 */
	public void allowLeaseAccess(String namespace) {
		this.server.expect()
			.post()
			.withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
			.andReturn(201,
					new SelfSubjectRulesReviewBuilder().withNewSpec()
						.withNamespace(namespace)
						.endSpec()
						.withNewStatus()
						.withIncomplete(false)
						.addNewResourceRule()
						.withApiGroups("coordination.k8s.io")
						.withResources("leases")
						.withVerbs("get", "create", "update")
						.endResourceRule()
						.endStatus()
						.build())
			.always();
	}

	@Override
	public void close() {
		this.client.close();
		this.server.destroy();
	}

	private static CustomResourceDefinitionContext istioServiceEntries() {
		return new CustomResourceDefinitionContext.Builder().withGroup("networking.istio.io")
			.withVersion("v1")
			.withKind("ServiceEntry")
			.withPlural("serviceentries")
			.withScope("Namespaced")
			.build();
	}

}
