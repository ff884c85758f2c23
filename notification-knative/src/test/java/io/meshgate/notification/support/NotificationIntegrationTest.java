package io.meshgate.notification.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.meshgate.service.testsupport.ServiceHttpClient;
import io.meshgate.service.testsupport.ServiceIntegrationTest;
import io.meshgate.service.testsupport.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
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
public abstract class NotificationIntegrationTest extends ServiceIntegrationTest {

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MeterRegistry meters;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

	/**
	 * Up to 30 s for an answer (10 s elsewhere): the answer to an event waits for the
	 * mail server, whose connect, read and write timeouts (application.yaml) add up to
	 * more.
	 */
	@Override
	public ServiceHttpClient http() {
		return super.http().withTimeout(Duration.ofSeconds(30));
	}

	/** Delivers the event to {@code POST /}, as the broker's filter does. */
	protected HttpResponse<String> deliver(TestEvent event) {
		return deliver("/", event);
	}

	protected HttpResponse<String> deliver(String path, TestEvent event) {
		return http().postRaw(path, event.headers(), event.data());
	}

	/** Delivers the same event from several threads at once. */
	protected List<HttpResponse<String>> deliverConcurrently(TestEvent event, int deliveries) {
		ExecutorService threads = Executors.newFixedThreadPool(deliveries);
		try {
			List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, deliveries)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> deliver(event), threads))
				.toList();
			return responses.stream().map(CompletableFuture::join).toList();
		}
		finally {
			threads.shutdownNow();
		}
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

}
