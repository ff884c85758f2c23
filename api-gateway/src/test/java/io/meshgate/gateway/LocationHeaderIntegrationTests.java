package io.meshgate.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.meshgate.gateway.support.TestRedis;
import io.meshgate.gateway.support.TestUpstream;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service names what it created by its own path ({@code Location: /products/42}); the
 * client must be sent to the public one ({@code /api/products/42}), on every route that
 * strips a prefix, while other locations pass unchanged. Every service is the one
 * {@link TestUpstream} here, so that every route can be followed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "meshgate.gateway.security.issuer=" + TestJwks.ISSUER, "management.server.port=0",
				"meshgate.gateway.rate-limit.burst-capacity=10000",
				"meshgate.gateway.rate-limit.replenish-rate=10000" })
class LocationHeaderIntegrationTests {

	// A route to a service missing here gets 503 and fails the check of every route.
	private static final List<String> SERVICES = List.of("auth-service", "member-service", "product-service",
			"review-service", "storefront-service");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	RouteDefinitionLocator routes;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("meshgate.gateway.security.jwk-set-uri", TestJwks.instance()::uri);
		registry.add("spring.data.redis.port", TestRedis.instance()::port);
		SERVICES
			.forEach((service) -> registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
					TestUpstream.instance()::uri));
	}

	@Test
	void namesThePublicPathOfWhatAServiceCreated() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/products?created")).POST(HttpRequest.BodyPublishers.ofString("{}")),
				TestTokens.valid().scope("products.write"));

		assertThat(TestUpstream.instance().lastTo("/products").method()).isEqualTo("POST");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).hasValue("/api/products/42");
	}

	@Test
	void everyRouteThatStripsAPrefixPutsItBackInLocation() {
		List<RouteDefinition> stripping = this.routes.getRouteDefinitions()
			.filter((route) -> route.getFilters().stream().anyMatch((filter) -> filter.getName().equals("StripPrefix")))
			.collectList()
			.block();
		// So that the check below cannot pass for want of routes.
		assertThat(stripping).extracting(RouteDefinition::getId).contains("product-service");

		// GET, as every route allows it; the service names its own path + /42.
		assertThat(stripping).allSatisfy((route) -> assertThat(pathsOf(route)).allSatisfy((path) -> {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path + "?created")), TestTokens.valid());

			assertThat(response.headers().firstValue("Location")).as("Location through route %s", route.getId())
				.hasValue(path + "/42");
		}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://elsewhere.example/x", "//elsewhere.example/x", "/api/reviews/2" })
	void leavesLocationsThatAreNotTheServicesOwnPathsAlone(String location) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/reviews/1?redirect=" + location)),
				TestTokens.valid());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue(location);
	}

	@Test
	void leavesAuthServiceRedirectsAlone() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth2/authorize?redirect=/login")),
				TestTokens.valid());

		assertThat(TestUpstream.instance().lastTo("/oauth2/authorize").method()).isEqualTo("GET");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/login");
	}

	/** Each of the route's path patterns, with its wildcards filled in. */
	private static List<String> pathsOf(RouteDefinition route) {
		return route.getPredicates()
			.stream()
			.filter((predicate) -> predicate.getName().equals("Path"))
			.map((predicate) -> predicate.getArgs().values())
			.flatMap(Collection::stream)
			.map((pattern) -> pattern.replace("**", "x").replaceAll("\\{[^}]*}", "x").replace("*", "x"))
			.toList();
	}

	private HttpResponse<String> send(HttpRequest.Builder request, TestTokens token) {
		request.header("Authorization", "Bearer " + token.sign()).timeout(Duration.ofSeconds(10));
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
	}

	private URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
	}

}
