package io.meshgate.bridge.eureka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.meshgate.bridge.support.EurekaTestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST client against a real Eureka server.
 */
class EurekaClientIntegrationTests {

	private static final EurekaTestServer server = EurekaTestServer.shared();

	private final EurekaClient client = new EurekaClient(HttpClient.newHttpClient(), Duration.ofSeconds(10));

	@Test
	void registeredInstanceIsReadBackWithItsAddressStatusLeaseAndMetadata() {
		EurekaInstance instance = instance("CLIENT-READ", "10.0.0.1", EurekaInstance.UP);
		this.client.register(server.url(), instance);

		List<EurekaInstance> instances = this.client.instances(server.url(), "client-read");

		assertThat(instances).singleElement().satisfies((read) -> {
			assertThat(read.instanceId()).isEqualTo(instance.instanceId());
			assertThat(read.app()).isEqualTo("CLIENT-READ");
			assertThat(read.sameRegistrationAs(instance)).isTrue();
			assertThat(read.metadata()).containsEntry("managed-by", "test");
		});
	}

	@Test
	void applicationEurekaDoesNotKnowHasNoInstances() {
		assertThat(this.client.instances(server.url(), "NEVER-REGISTERED")).isEmpty();
	}

	@Test
	void renewingAKnownInstanceSucceedsAndAnUnknownOneAsksForRegistration() {
		EurekaInstance instance = instance("CLIENT-RENEW", "10.0.0.2", EurekaInstance.UP);
		assertThat(this.client.renew(server.url(), instance)).isFalse();

		this.client.register(server.url(), instance);

		assertThat(this.client.renew(server.url(), instance)).isTrue();
	}

	@Test
	void deregisteredInstanceIsGoneAndDeregisteringAgainIsHarmless() {
		EurekaInstance instance = instance("CLIENT-CANCEL", "10.0.0.3", EurekaInstance.DOWN);
		this.client.register(server.url(), instance);

		this.client.deregister(server.url(), "CLIENT-CANCEL", instance.instanceId());
		this.client.deregister(server.url(), "CLIENT-CANCEL", instance.instanceId());

		assertThat(this.client.instances(server.url(), "CLIENT-CANCEL")).isEmpty();
	}

	@Test
	void unreachableServerIsReportedAsUnreachable() {
		URI nothingListens = URI.create("http://127.0.0.1:" + closedPort() + "/eureka");

		assertThatThrownBy(() -> this.client.instances(nothingListens, "ANY")).isInstanceOf(EurekaException.class)
			.satisfies((ex) -> assertThat(((EurekaException) ex).unreachable()).isTrue())
			.hasMessageContaining("unreachable");
	}

	@Test
	void passFailsOverToTheNextServerWhenTheFirstIsUnreachable() {
		URI nothingListens = URI.create("http://127.0.0.1:" + closedPort() + "/eureka");

		URI used = this.client.onFirstReachable(List.of(nothingListens, server.url()), (url) -> {
			this.client.instances(url, "ANY");
			return url;
		});

		assertThat(used).isEqualTo(server.url());
	}

	private static EurekaInstance instance(String app, String address, String status) {
		return new EurekaInstance(address + ":8080:test", app, address, address, 8080, status,
				Map.of("managed-by", "test"), 30, 90);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
