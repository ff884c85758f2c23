package io.meshgate.storefront;

import java.net.http.HttpResponse;

import io.meshgate.storefront.support.Catalog;
import io.meshgate.storefront.support.StorefrontIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abusive queries are refused with a clear error before any upstream is called, with the
 * limits of application.yaml (depth 10, complexity 5000, size 100, limit 20).
 */
class QueryLimitsIntegrationTests extends StorefrontIntegrationTest {

	@BeforeEach
	void catalog() {
		serve(Catalog.of(3, 2, 2));
	}

	@Test
	void tooDeepQueryIsRejectedBeforeAnyUpstreamCall() {
		HttpResponse<String> response = query(
				"""
						{
						  products { items { name } }
						  __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }
						}""");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json(response).path("errors").get(0);
		assertThat(error.path("message").asString())
			.isEqualTo("The query is nested 11 levels deep; at most 10 are allowed.");
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("ExecutionAborted");
		assertThat(upstreamCalls()).containsExactly(0, 0, 0);
	}

	@Test
	void tooComplexQueryIsRejectedBeforeAnyUpstreamCall() {
		// 1 + (1 + 100 × (1 + 1 + (1 + 20 × (1 + 1 + (1 + 1))))) = 8302
		HttpResponse<String> response = query(
				"{ products(size: 100) { items { id name reviews(limit: 20) { id text reviewer { displayName } } } } }");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json(response).path("errors").get(0);
		assertThat(error.path("message").asString())
			.isEqualTo("The query's complexity is 8302; at most 5000 is allowed. Ask for fewer items or fewer fields.");
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("ExecutionAborted");
		assertThat(upstreamCalls()).containsExactly(0, 0, 0);
	}

	@Test
	void pageSizeAboveTheCapIsRefusedWithoutCallingProductService() {
		JsonNode body = json(query("{ products(size: 101) { items { name } } }"));

		assertThat(body.path("data").path("products").isNull()).isTrue();
		assertBadRequest(body, "size must be between 1 and 100.");
		assertThat(upstreamCalls()).containsExactly(0, 0, 0);
	}

	@Test
	void negativePageIsRefused() {
		JsonNode body = json(query("{ products(page: -1) { items { name } } }"));

		assertBadRequest(body, "page must not be negative.");
		assertThat(upstreamCalls()).containsExactly(0, 0, 0);
	}

	@Test
	void reviewLimitAboveTheCapIsRefusedWithoutCallingReviewService() {
		JsonNode body = json(query("{ products { items { name reviews(limit: 21) { text } } } }"));

		assertThat(body.path("data").path("products").path("items").size()).isEqualTo(3);
		assertThat(body.path("errors").size()).isEqualTo(3);
		assertBadRequest(body, "limit must be between 1 and 20.");
		assertThat(upstreamCalls()).containsExactly(1, 0, 0);
	}

	@Test
	void productIdThatIsNoUuidIsRefusedWithoutCallingProductService() {
		JsonNode body = json(query("{ product(id: \"../admin\") { name } }"));

		assertBadRequest(body, "id must be a product id (a UUID).");
		assertThat(upstreamCalls()).containsExactly(0, 0, 0);
	}

	private static void assertBadRequest(JsonNode body, String message) {
		assertThat(body.path("errors").size()).isPositive();
		body.path("errors").forEach((error) -> {
			assertThat(error.path("message").asString()).isEqualTo(message);
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
			assertThat(error.path("path").size()).isPositive();
		});
	}

}
