package io.meshgate.storefront.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.meshgate.service.testsupport.ServiceHttpClient;
import io.meshgate.service.testsupport.ServiceIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * storefront-service on random ports over real HTTP, called as the gateway calls it
 * (prefix stripped), with auth-service's keys served by {@link TestJwks} and the three
 * upstreams as {@link UpstreamStandIn}s that the load balancer finds by service name.
 * Before each test the stand-ins are healthy, serve an empty catalog and have forgotten
 * earlier requests, and every circuit breaker is closed again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class StorefrontIntegrationTest extends ServiceIntegrationTest {

	protected static final UpstreamStandIn productService = UpstreamStandIn.start("product-service");

	protected static final UpstreamStandIn reviewService = UpstreamStandIn.start("review-service");

	protected static final UpstreamStandIn memberService = UpstreamStandIn.start("member-service");

	/** What a GraphQL-over-HTTP client asks for: request errors then answer 400. */
	private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		TestJwks.register(registry);
		for (UpstreamStandIn upstream : List.of(productService, reviewService, memberService)) {
			registry.add("spring.cloud.discovery.client.simple.instances." + upstream.name() + "[0].uri",
					upstream::uri);
		}
	}

	@BeforeEach
	void healthyUpstreams() {
		serve(Catalog.empty());
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	/** All three stand-ins answer from this catalog, with no requests recorded yet. */
	protected static void serve(Catalog catalog) {
		productService.serve(catalog::productService);
		reviewService.serve(catalog::reviewService);
		memberService.serve(catalog::memberService);
	}

	/** POSTs a GraphQL query to {@code /graphql} without a token. */
	protected HttpResponse<String> query(String query) {
		return graphQl().post("/graphql", null, body(query));
	}

	/** POSTs a GraphQL query to {@code /graphql} with a bearer token. */
	protected HttpResponse<String> query(String query, String token) {
		return graphQl().post("/graphql", token, body(query));
	}

	/**
	 * POSTs a GraphQL query to {@code /graphql} with this {@code Authorization} header.
	 */
	protected HttpResponse<String> queryWithAuthorization(String query, String authorization) {
		return graphQl().withHeader("Authorization", authorization).post("/graphql", null, body(query));
	}

	/** How many requests each stand-in received, as {@code [product, review, member]}. */
	protected static List<Integer> upstreamCalls() {
		return List.of(productService.requests().size(), reviewService.requests().size(),
				memberService.requests().size());
	}

	/** A GraphQL-over-HTTP client, with time for the fan-out to all three upstreams. */
	private ServiceHttpClient graphQl() {
		return http().withTimeout(Duration.ofSeconds(20)).withHeader("Accept", GRAPHQL_RESPONSE);
	}

	private static String body(String query) {
		return JsonMapper.shared().createObjectNode().put("query", query).toString();
	}

}
