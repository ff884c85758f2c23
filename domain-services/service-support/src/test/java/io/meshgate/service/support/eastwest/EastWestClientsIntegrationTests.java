package io.meshgate.service.support.eastwest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call by service name reaches the instance simple discovery lists for that name, as
 * HTTP/1.1 without an h2c upgrade offer (the sidecar takes plain HTTP/1.1), carries the
 * caller's trace to the callee, and gives up at the caller's read timeout. The services
 * without a load balancer (member-, product-service) get none of it.
 */
@SpringBootTest(classes = EastWestClientsIntegrationTests.CallingService.class, webEnvironment = WebEnvironment.NONE)
class EastWestClientsIntegrationTests {

	private static final StandIn standIn = StandIn.start();

	@Autowired
	EastWestClients eastWest;

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.stand-in-service[0].uri", standIn::uri);
		registry.add("management.tracing.sampling.probability", () -> "1.0");
	}

	@AfterAll
	static void stopStandIn() {
		standIn.close();
	}

	@Test
	void callsTheConfiguredInstanceOverHttp11WithTheTrace() {
		RestClient client = this.eastWest.forService(URI.create("http://stand-in-service"), Duration.ofSeconds(1),
				Duration.ofSeconds(2));

		String body = client.get().uri("/hello").retrieve().body(String.class);

		assertThat(body).isEqualTo("hello");
		Request received = standIn.lastRequest("/hello");
		assertThat(received.protocol()).isEqualTo("HTTP/1.1");
		assertThat(received.headers()).doesNotContainKeys("Upgrade", "Http2-settings");
		assertThat(received.headers().get("Traceparent")).singleElement()
			.asString()
			.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
	}

	@Test
	void givesUpAtTheReadTimeout() {
		RestClient client = this.eastWest.forService(URI.create("http://stand-in-service"), Duration.ofSeconds(1),
				Duration.ofMillis(200));

		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> client.get().uri("/slow").retrieve().body(String.class))
			.withRootCauseInstanceOf(HttpTimeoutException.class);
	}

	@Test
	void appliesTheEastWestDefaults() {
		assertThat(this.environment.getProperty("spring.cloud.loadbalancer.cache.enabled")).isEqualTo("false");
		assertThat(this.environment.getProperty("spring.cloud.circuitbreaker.resilience4j.disable-thread-pool"))
			.isEqualTo("true");
	}

	@Test
	void offersNothingToServicesWithoutALoadBalancer() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RestClientAutoConfiguration.class, EastWestClientAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(LoadBalancerClients.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EastWestClients.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CallingService {

	}

	record Request(String path, String protocol, Map<String, List<String>> headers) {

	}

	/** The called service: answers {@code /hello} at once and {@code /slow} after 2 s. */
	static final class StandIn implements AutoCloseable {

		private final HttpServer server;

		private final List<Request> requests = new CopyOnWriteArrayList<>();

		private StandIn(HttpServer server) {
			this.server = server;
		}

		static StandIn start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				StandIn standIn = new StandIn(server);
				server.createContext("/", standIn::answer);
				server.start();
				return standIn;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start the stand-in service", ex);
			}
		}

		private void answer(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath();
			this.requests.add(new Request(path, exchange.getProtocol(), Map.copyOf(exchange.getRequestHeaders())));
			if (path.equals("/slow")) {
				try {
					Thread.sleep(2000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			byte[] body = path.substring(1).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		}

		String uri() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		Request lastRequest(String path) {
			return this.requests.stream()
				.filter((request) -> request.path().equals(path))
				.reduce((first, second) -> second)
				.orElseThrow(() -> new AssertionError("No request to " + path));
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
