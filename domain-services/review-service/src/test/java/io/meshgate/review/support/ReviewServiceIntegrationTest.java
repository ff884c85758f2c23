package io.meshgate.review.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;

import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
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
public abstract class ReviewServiceIntegrationTest {

	protected static final ProductServiceStandIn products = ProductServiceStandIn.start();

	protected static final EventSinkStandIn sink = EventSinkStandIn.start();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

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

	protected HttpResponse<String> get(String path) {
		return send(request(this.port, path).GET());
	}

	protected HttpResponse<String> getManagement(String path) {
		return send(request(this.managementPort, path).GET());
	}

	/** A POST with a JSON body and a bearer token, unless it is {@code null}. */
	protected HttpResponse<String> post(String path, String token, String json) {
		return post(path, token, json, null);
	}

	/** The same, continuing the trace {@code traceparent} names, unless it is null. */
	protected HttpResponse<String> post(String path, String token, String json, String traceparent) {
		HttpRequest.Builder request = request(this.port, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return send(request);
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
		HttpResponse<String> response = post("/reviews", token, reviewJson(productId, rating, text));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response);
	}

	/** The current value of a gauge on {@code /actuator/prometheus}. */
	protected double metric(String name) {
		return getManagement("/actuator/prometheus").body()
			.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No metric " + name));
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	protected static JsonNode json(String body) {
		return JsonMapper.shared().readTree(body);
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
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
