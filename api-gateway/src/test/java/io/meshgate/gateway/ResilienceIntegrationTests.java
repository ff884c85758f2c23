package io.meshgate.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.meshgate.gateway.support.FailingUpstream;
import io.meshgate.gateway.support.GatewayIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down or slow costs the client a bounded wait and a clear answer.
 */
class ResilienceIntegrationTests extends GatewayIntegrationTest {

	@Test
	void answers503WithRetryAfterWhenTheServiceIsDown() {
		long start = System.nanoTime();

		HttpResponse<String> response = get("/api/products/1");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void opensTheRouteBreakerSoAFailingServiceIsLeftAlone() {
		int before = FailingUpstream.instance().connections();

		List<HttpResponse<String>> responses = IntStream.range(0, 30)
			.mapToObj((i) -> get("/api/storefront/graphql"))
			.toList();

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).isIn(502, 503);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		});
		HttpResponse<String> last = responses.get(responses.size() - 1);
		assertThat(last.statusCode()).isEqualTo(503);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(FailingUpstream.instance().connections() - before).as("connections the open breaker spared")
			.isLessThan(30);
	}

	@Test
	void retriesIdempotentRequestsThatCouldNotConnectButNeverWrites() {
		String token = bearer(TestTokens.valid().sign());

		List<Integer> reads = IntStream.range(0, 6)
			.mapToObj((i) -> get("/api/members/me", "Authorization", token).statusCode())
			.toList();
		List<Integer> writes = IntStream.range(0, 6)
			.mapToObj((i) -> send(
					HttpRequest.newBuilder(uri("/api/members/me")).PUT(HttpRequest.BodyPublishers.ofString("{}")),
					"Authorization", token)
				.statusCode())
			.toList();

		// One of the two instances is down: a GET that meets it is retried on the other;
		// a PUT that meets it is not, because only the client may decide to repeat a
		// write.
		assertThat(reads).containsOnly(200);
		assertThat(writes).contains(503).contains(200);
	}

	/**
	 * Concurrency towards a service is limited by its sidecar's connection pool (the
	 * DestinationRule), not here: Resilience4j's default bulkhead (25 concurrent calls
	 * per route and gateway) answered the 26th caller with 500.
	 */
	@Test
	void letsMoreConcurrentCallsThroughThanResilience4jsDefaultBulkhead() {
		String token = bearer(TestTokens.valid().subject(UUID.randomUUID().toString()).sign());
		ExecutorService callers = Executors.newFixedThreadPool(30);
		try {
			// auth-service's route waits 5 s; /slow answers after 3 s, so all 30 overlap.
			List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 30)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> get("/oauth2/slow", "Authorization", token),
						callers))
				.toList();

			assertThat(calls).extracting((call) -> call.join().statusCode()).containsOnly(200);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void appliesTheRoutesOwnResponseTimeout() {
		// auth-service's route waits 5 s where the default (in these tests) is 1 s.
		assertThat(get("/oauth2/slow").statusCode()).isEqualTo(200);
	}

	@Test
	void answers504WhenTheServiceIsTooSlow() {
		HttpResponse<String> response = get("/api/members/slow", "Authorization", bearer(TestTokens.valid().sign()));

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
