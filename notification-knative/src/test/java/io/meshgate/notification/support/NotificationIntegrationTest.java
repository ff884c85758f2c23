package io.meshgate.notification.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.meshgate.service.testsupport.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-knative on random ports over real HTTP with a real PostgreSQL, called as
 * Knative's broker calls it. Which SMTP server it sends through is up to the subclass:
 * {@link SharedSmtpIntegrationTest} for most tests, a server of its own for a test that
 * stops or breaks it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class NotificationIntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MeterRegistry meters;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	/** Delivers the event to {@code POST /}, as the broker's filter does. */
	protected HttpResponse<String> deliver(TestEvent event) {
		return send(post("/", event));
	}

	protected HttpResponse<String> deliver(String path, TestEvent event) {
		return send(post(path, event));
	}

	/** Delivers the same event from several threads at once. */
	protected List<HttpResponse<String>> deliverConcurrently(TestEvent event, int deliveries) {
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, deliveries)
			.mapToObj((i) -> this.http.sendAsync(post("/", event).build(), BodyHandlers.ofString()))
			.toList();
		return responses.stream().map(CompletableFuture::join).toList();
	}

	protected HttpResponse<String> get(String path) {
		return send(request(this.port, path).GET());
	}

	protected HttpResponse<String> getManagement(String path) {
		return send(request(this.managementPort, path).GET());
	}

	/** The outcome recorded for an event from review-service, if any. */
	protected List<String> recordedOutcomes(TestEvent event) {
		return this.jdbc.sql("SELECT outcome FROM processed_event WHERE source = :source AND id = :id")
			.param("source", event.headers().get("ce-source"))
			.param("id", event.id())
			.query(String.class)
			.list();
	}

	protected double counter(String name, String... tags) {
		Counter counter = this.meters.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private HttpRequest.Builder post(String path, TestEvent event) {
		HttpRequest.Builder request = request(this.port, path).POST((event.data() != null)
				? HttpRequest.BodyPublishers.ofString(event.data()) : HttpRequest.BodyPublishers.noBody());
		for (Map.Entry<String, String> header : event.headers().entrySet()) {
			request.header(header.getKey(), header.getValue());
		}
		return request;
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
