package io.meshgate.review;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.meshgate.review.product.ProductCatalog;
import io.meshgate.review.support.ReviewServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When product-service cannot confirm the product, creating a review answers 503 with
 * {@code Retry-After} within the client's timeouts, and stores nothing: no review, no
 * event.
 */
class ProductAvailabilityIntegrationTests extends ReviewServiceIntegrationTest {

	/** Connect (1 s) plus read (2 s) timeout of application.yaml, and a margin. */
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(4);

	@Autowired
	private Resilience4JCircuitBreakerFactory circuitBreakers;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void closeCircuit() {
		this.circuitBreakers.getCircuitBreakerRegistry()
			.find(ProductCatalog.CIRCUIT_BREAKER)
			.ifPresent(CircuitBreaker::reset);
	}

	@Test
	void productServiceRefusingConnectionsIsServiceUnavailable() {
		UUID productId = products.addProduct("Lamp");
		products.stop();

		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(),
				reviewJson(productId, 5, "Bright " + UUID.randomUUID()));

		assertUnavailable(response);
		assertNothingStoredFor(productId);
	}

	@Test
	void hangingProductServiceIsServiceUnavailableWithinTheTimeouts() {
		UUID productId = products.addProduct("Clock");
		products.hang();

		long started = System.nanoTime();
		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(),
				reviewJson(productId, 3, "Slow"));
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		assertUnavailable(response);
		assertThat(waited).isLessThan(LONGEST_WAIT);
		assertNothingStoredFor(productId);
	}

	@Test
	void failingProductServiceIsServiceUnavailable() {
		UUID productId = products.addProduct("Rug");
		products.fail();

		assertUnavailable(http().post("/reviews", TestTokens.valid().sign(), reviewJson(productId, 2, "Flat")));
		assertNothingStoredFor(productId);
	}

	@Test
	void openCircuitAnswersAtOnceWithoutCallingProductService() {
		UUID productId = products.addProduct("Chair");
		String token = TestTokens.valid().sign();
		products.fail();
		// application.yaml: the circuit decides after 5 calls and opens at 50 % failures.
		for (int i = 0; i < 5; i++) {
			assertUnavailable(http().post("/reviews", token, reviewJson(productId, 4, "Failing " + i)));
		}
		products.reset();
		int callsBefore = products.requests().size();

		HttpResponse<String> response = http().post("/reviews", token, reviewJson(productId, 4, "While open"));

		assertUnavailable(response);
		assertThat(products.requests()).hasSize(callsBefore);
		assertNothingStoredFor(productId);
	}

	private static void assertUnavailable(HttpResponse<String> response) {
		JsonNode problem = assertProblem(response, 503, "/reviews");
		assertThat(problem.get("type").asString())
			.isEqualTo("https://meshgate.io/problems/product-service-unavailable");
		// The circuit's wait in the open state (application.yaml: 10 s).
		assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
	}

	private void assertNothingStoredFor(UUID productId) {
		assertThat(this.jdbc.sql("SELECT count(*) FROM review WHERE product_id = ?")
			.param(productId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE data ->> 'productId' = ?")
			.param(productId.toString())
			.query(Long.class)
			.single()).isZero();
	}

}
