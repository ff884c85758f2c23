package io.meshgate.product.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestPostgres;
import io.meshgate.service.testsupport.TestTokens;
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
 * product-service on random ports over real HTTP, with a real PostgreSQL and
 * auth-service's keys served by {@link TestJwks}; called as the gateway calls it
 * ({@code /api} already stripped). All test classes extending this share one service and
 * one database, so each test creates the products it looks at and finds them by their ids
 * or by a name no other test uses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ProductServiceIntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
		TestJwks.register(registry);
	}

	/**
	 * A fresh token allowed to change the catalog (signed per call: test tokens live ten
	 * minutes).
	 */
	protected static String writer() {
		return TestTokens.valid().scope("openid products.write").sign();
	}

	protected HttpResponse<String> get(String path) {
		return send(request(this.port, path).GET());
	}

	protected HttpResponse<String> get(String path, String token) {
		return send(withToken(request(this.port, path), token).GET());
	}

	protected HttpResponse<String> head(String path) {
		return send(request(this.port, path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
	}

	protected HttpResponse<String> getManagement(String path) {
		return send(request(this.managementPort, path).GET());
	}

	/** A POST with a JSON body, and with a bearer token unless it is {@code null}. */
	protected HttpResponse<String> post(String path, String token, String json) {
		return send(withToken(request(this.port, path), token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A PUT with a JSON body; token and {@code If-Match} are left out when null. */
	protected HttpResponse<String> put(String path, String token, String ifMatch, String json) {
		return send(withIfMatch(withToken(request(this.port, path), token), ifMatch)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A DELETE; token and {@code If-Match} are left out when null. */
	protected HttpResponse<String> delete(String path, String token, String ifMatch) {
		return send(withIfMatch(withToken(request(this.port, path), token), ifMatch).DELETE());
	}

	/** Creates a product as a writer would and returns it as the service answered. */
	protected JsonNode createProduct(String name, String price) {
		HttpResponse<String> response = post("/products", writer(), productJson(name, price));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response);
	}

	protected static String productJson(String name, String price) {
		return """
				{"name": "%s", "description": "Made for a test.", "price": %s, "currency": "EUR"}
				""".formatted(name, price);
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	protected static String entityTag(HttpResponse<String> response) {
		return response.headers().firstValue("ETag").orElseThrow();
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
	}

	private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private static HttpRequest.Builder withIfMatch(HttpRequest.Builder request, String ifMatch) {
		return (ifMatch != null) ? request.header("If-Match", ifMatch) : request;
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
