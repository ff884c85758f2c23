package io.meshgate.review.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.meshgate.service.testsupport.ServiceHttpClient;
import io.meshgate.service.testsupport.ServiceIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * review-service on random ports over real HTTP, with a real PostgreSQL, auth-service's
 * keys served by {@link TestJwks}, and stand-ins for product-service and the event sink
 * on loopback; called as the gateway calls it (prefix already stripped). All test classes
 * extending this share one service, one database and the stand-ins, so each test works
 * with products and reviews of its own, and every test leaves the stand-ins answering.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ReviewServiceIntegrationTest extends ServiceIntegrationTest {

	protected static final ProductServiceStandIn products = ProductServiceStandIn.start();

	protected static final EventSinkStandIn sink = EventSinkStandIn.start();

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
		TestJwks.register(registry);
		products.register(registry);
		sink.register(registry);
	}

	@AfterEach
	void resetStandIns() {
		products.reset();
		sink.reset();
	}

	/**
	 * Up to 20 s for an answer (10 s elsewhere): creating a review first waits for
	 * product-service, which some tests make slow.
	 */
	@Override
	public ServiceHttpClient http() {
		return super.http().withTimeout(Duration.ofSeconds(20));
	}

	protected static String reviewJson(UUID productId, int rating, String text) {
		return JsonMapper.shared()
			.createObjectNode()
			.put("productId", productId.toString())
			.put("rating", rating)
			.put("text", text)
			.toString();
	}

	/** Creates a review through the API and returns it as the API answered it. */
	protected JsonNode createReview(String token, UUID productId, int rating, String text) {
		HttpResponse<String> response = http().post("/reviews", token, reviewJson(productId, rating, text));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ServiceHttpClient.json(response);
	}

	/** The current value of a gauge on {@code /actuator/prometheus}. */
	protected double metric(String name) {
		return http().getManagement("/actuator/prometheus")
			.body()
			.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No metric " + name));
	}

}
