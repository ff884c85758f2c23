package io.meshgate.storefront;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.meshgate.storefront.support.Catalog;
import io.meshgate.storefront.support.StorefrontIntegrationTest;
import io.meshgate.storefront.support.UpstreamStandIn.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing upstream costs the client the fields that need it, not the whole answer:
 * those fields are null, and each has an error naming its path, a classification and a
 * message written for people, never an exception's.
 */
class PartialResultIntegrationTests extends StorefrontIntegrationTest {

	private static final String EVERYTHING = """
			{ products { items { name reviews { text reviewer { displayName } } } } }""";

	@Test
	void reviewServiceDownLeavesProductsWithoutReviewsAndAnErrorPerProduct() {
		serve(Catalog.of(3, 2, 2));
		reviewService.failWith(503);

		HttpResponse<String> response = query(EVERYTHING);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		JsonNode items = body.path("data").path("products").path("items");
		assertThat(items.size()).isEqualTo(3);
		items.forEach((product) -> {
			assertThat(product.path("name").asString()).startsWith("Product");
			assertThat(product.path("reviews").isNull()).isTrue();
		});
		assertThat(paths(body)).containsExactlyInAnyOrder("products.items.0.reviews", "products.items.1.reviews",
				"products.items.2.reviews");
		assertUnavailable(body, "review-service", "Reviews are unavailable right now; try again later.");
		assertThat(memberService.requests()).isEmpty();
	}

	@Test
	void memberServiceDownLeavesReviewsWithoutReviewers() {
		serve(Catalog.of(1, 2, 2));
		memberService.failWith(500);

		JsonNode body = json(query(EVERYTHING));

		JsonNode reviews = body.path("data").path("products").path("items").get(0).path("reviews");
		assertThat(reviews.size()).isEqualTo(2);
		reviews.forEach((review) -> {
			assertThat(review.path("text").asString()).startsWith("Review");
			assertThat(review.path("reviewer").isNull()).isTrue();
		});
		assertThat(paths(body)).containsExactlyInAnyOrder("products.items.0.reviews.0.reviewer",
				"products.items.0.reviews.1.reviewer");
		assertUnavailable(body, "member-service", "Reviewers are unavailable right now; try again later.");
	}

	@Test
	void productServiceDownLeavesNoProductsAndCallsNothingElse() {
		serve(Catalog.of(1, 2, 2));
		productService.failWith(503);

		JsonNode body = json(query(EVERYTHING));

		assertThat(body.path("data").path("products").isNull()).isTrue();
		assertThat(paths(body)).containsExactly("products");
		assertUnavailable(body, "product-service", "Products are unavailable right now; try again later.");
		assertThat(upstreamCalls()).containsExactly(1, 0, 0);
	}

	@Test
	void hangingReviewServiceTimesOutIntoPartialResult() {
		serve(Catalog.of(2, 2, 2));
		reviewService.hang();
		long start = System.nanoTime();

		JsonNode body = json(query(EVERYTHING));

		// The read timeout (2 s) ends the wait, far below the gateway's 10 s.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(body.path("data").path("products").path("items").size()).isEqualTo(2);
		assertThat(paths(body)).containsExactlyInAnyOrder("products.items.0.reviews", "products.items.1.reviews");
		assertUnavailable(body, "review-service", "Reviews are unavailable right now; try again later.");
	}

	@Test
	void answerThatIsNotTheContractsShapeIsAnUnavailableUpstream() {
		serve(Catalog.of(1, 1, 1));
		reviewService.serve((request) -> Response.ok("[\"not\", \"a map\"]"));

		JsonNode body = json(query(EVERYTHING));

		assertThat(paths(body)).containsExactly("products.items.0.reviews");
		assertUnavailable(body, "review-service", "Reviews are unavailable right now; try again later.");
	}

	@Test
	void openCircuitBreakerAnswersWithoutCallingTheFailingUpstream() {
		serve(Catalog.of(1, 1, 1));
		reviewService.failWith(503);
		// minimum-number-of-calls is 10 and the failure rate 100 %: the breaker opens.
		IntStream.range(0, 10).forEach((i) -> query(EVERYTHING));
		assertThat(reviewService.requests()).hasSize(10);

		JsonNode body = json(query(EVERYTHING));

		assertThat(reviewService.requests()).hasSize(10);
		assertThat(body.path("data").path("products").path("items").get(0).path("name").asString())
			.isEqualTo("Product 00");
		assertUnavailable(body, "review-service", "Reviews are unavailable right now; try again later.");
	}

	private static List<String> paths(JsonNode body) {
		return body.path("errors")
			.valueStream()
			.map((error) -> String.join(".", error.path("path").valueStream().map(JsonNode::asString).toList()))
			.toList();
	}

	private static void assertUnavailable(JsonNode body, String upstream, String message) {
		assertThat(body.path("errors").size()).isPositive();
		body.path("errors").forEach((error) -> {
			assertThat(error.path("message").asString()).isEqualTo(message);
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
			assertThat(error.path("extensions").path("upstream").asString()).isEqualTo(upstream);
			assertThat(error.path("locations").isArray()).isTrue();
		});
		assertThat(body.toString()).doesNotContain("Exception")
			.doesNotContain("io.meshgate")
			.doesNotContain("org.springframework")
			.doesNotContain("\tat ");
	}

}
