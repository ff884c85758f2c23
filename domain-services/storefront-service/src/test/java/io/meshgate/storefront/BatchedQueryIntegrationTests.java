package io.meshgate.storefront;

import java.net.http.HttpResponse;
import java.util.List;

import io.meshgate.storefront.support.Catalog;
import io.meshgate.storefront.support.Catalog.TestProduct;
import io.meshgate.storefront.support.Catalog.TestReview;
import io.meshgate.storefront.support.StorefrontIntegrationTest;
import io.meshgate.storefront.support.UpstreamStandIn.Request;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Products, their reviews and the reviewers' display names in one query, with one call to
 * each upstream however many products the page holds (no N+1).
 */
class BatchedQueryIntegrationTests extends StorefrontIntegrationTest {

	private static final String PRODUCTS_WITH_REVIEWS = """
			{
			  products(size: 25) {
			    totalElements
			    items {
			      id name description price currency
			      reviews { id rating text createdAt reviewer { id displayName } }
			    }
			  }
			}""";

	@Test
	void twentyFiveProductsWithReviewsAndReviewersTakeOneCallToEachUpstream() {
		Catalog catalog = Catalog.of(25, 4, 30);
		serve(catalog);

		HttpResponse<String> response = query(PRODUCTS_WITH_REVIEWS);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).has("errors")).isFalse();
		assertThat(upstreamCalls()).containsExactly(1, 1, 1);
		Request reviews = reviewService.requests().get(0);
		assertThat(reviews.query().get("ids").split(",")).hasSize(25);
		assertThat(reviews.query().get("limit")).isEqualTo("10");
		assertThat(memberService.requests().get(0).query().get("ids").split(",")).hasSize(30);
	}

	@Test
	void everyProductCarriesItsOwnReviewsNewestFirstWithReviewerNames() {
		Catalog catalog = Catalog.of(25, 4, 30);
		serve(catalog);

		JsonNode page = json(query(PRODUCTS_WITH_REVIEWS)).path("data").path("products");

		assertThat(page.path("totalElements").asInt()).isEqualTo(25);
		JsonNode items = page.path("items");
		assertThat(items.size()).isEqualTo(25);
		for (int p = 0; p < 25; p++) {
			TestProduct expected = catalog.product(p);
			JsonNode product = items.get(p);
			assertThat(product.path("id").asString()).isEqualTo(expected.id().toString());
			assertThat(product.path("name").asString()).isEqualTo(expected.name());
			assertThat(product.path("description").asString()).isEqualTo(expected.description());
			assertThat(product.path("price").decimalValue()).isEqualByComparingTo(expected.price());
			assertThat(product.path("currency").asString()).isEqualTo("EUR");
			assertReviews(catalog, product.path("reviews"), catalog.reviewsOf(expected));
		}
	}

	@Test
	void reviewerWithoutProfileOrWithoutNameIsNamedWithoutDisplayName() {
		// Reviewer 0 is named, reviewer 1's profile has no name yet, reviewer 2 has none.
		Catalog catalog = Catalog.of(1, 3, 3);
		serve(catalog);
		List<TestReview> expected = catalog.reviewsOf(catalog.product(0));

		JsonNode reviews = json(query("{ products { items { reviews { reviewer { id displayName } } } } }"))
			.path("data")
			.path("products")
			.path("items")
			.get(0)
			.path("reviews");

		assertThat(reviews.get(0).path("reviewer").path("displayName").asString()).isEqualTo("Reviewer 0");
		for (int r = 1; r < 3; r++) {
			JsonNode reviewer = reviews.get(r).path("reviewer");
			assertThat(reviewer.path("id").asString()).isEqualTo(expected.get(r).reviewerId().toString());
			assertThat(reviewer.path("displayName").isNull()).isTrue();
		}
	}

	@Test
	void reviewLimitKeepsTheNewestReviewsOfEachProduct() {
		Catalog catalog = Catalog.of(3, 5, 4);
		serve(catalog);

		JsonNode items = json(query("{ products { items { reviews(limit: 2) { id } } } }")).path("data")
			.path("products")
			.path("items");

		assertThat(reviewService.requests().get(0).query().get("limit")).isEqualTo("2");
		for (int p = 0; p < 3; p++) {
			List<TestReview> newest = catalog.reviewsOf(catalog.product(p)).subList(0, 2);
			assertThat(ids(items.get(p).path("reviews"))).containsExactlyElementsOf(reviewIds(newest));
		}
	}

	@Test
	void differentLimitsForTheSameProductsStillTakeOneReviewCall() {
		Catalog catalog = Catalog.of(2, 5, 4);
		serve(catalog);

		JsonNode items = json(
				query("{ products { items { latest: reviews(limit: 1) { id } recent: reviews(limit: 3) { id } } } }"))
			.path("data")
			.path("products")
			.path("items");

		assertThat(reviewService.requests()).hasSize(1);
		assertThat(reviewService.requests().get(0).query().get("limit")).isEqualTo("3");
		List<TestReview> reviews = catalog.reviewsOf(catalog.product(1));
		assertThat(ids(items.get(1).path("latest"))).containsExactlyElementsOf(reviewIds(reviews.subList(0, 1)));
		assertThat(ids(items.get(1).path("recent"))).containsExactlyElementsOf(reviewIds(reviews.subList(0, 3)));
	}

	@Test
	void productsOnlyQueryCallsNothingButProductService() {
		serve(Catalog.of(5, 3, 3));

		JsonNode items = json(query("{ products(name: \"product 0\", page: 0, size: 3) { items { name } } }"))
			.path("data")
			.path("products")
			.path("items");

		assertThat(items.size()).isEqualTo(3);
		assertThat(upstreamCalls()).containsExactly(1, 0, 0);
		Request products = productService.requests().get(0);
		assertThat(products.path()).isEqualTo("/products");
		assertThat(products.query()).containsEntry("name", "product 0")
			.containsEntry("page", "0")
			.containsEntry("size", "3");
	}

	@Test
	void nameReachesProductServiceAsOneParameterWhateverItHolds() {
		query("{ products(name: \"cups & saucers+1&size=100\") { items { name } } }");

		assertThat(productService.requests().get(0).query()).containsEntry("name", "cups & saucers+1&size=100")
			.containsEntry("size", "20");
	}

	@Test
	void productByIdComesWithItsReviews() {
		Catalog catalog = Catalog.of(3, 2, 2);
		serve(catalog);
		TestProduct wanted = catalog.product(1);

		JsonNode product = json(query("{ product(id: \"%s\") { name reviews { text } } }".formatted(wanted.id())))
			.path("data")
			.path("product");

		assertThat(product.path("name").asString()).isEqualTo(wanted.name());
		assertThat(product.path("reviews").size()).isEqualTo(2);
		assertThat(productService.requests().get(0).path()).isEqualTo("/products/" + wanted.id());
	}

	@Test
	void unknownProductIsNullWithoutError() {
		serve(Catalog.of(1, 1, 1));

		JsonNode body = json(query("{ product(id: \"1b4e28ba-2fa1-11d2-883f-0016d3cca427\") { name } }"));

		assertThat(body.path("data").path("product").isNull()).isTrue();
		assertThat(body.has("errors")).isFalse();
	}

	private static void assertReviews(Catalog catalog, JsonNode actual, List<TestReview> expected) {
		assertThat(ids(actual)).containsExactlyElementsOf(reviewIds(expected));
		for (int r = 0; r < expected.size(); r++) {
			JsonNode review = actual.get(r);
			TestReview want = expected.get(r);
			assertThat(review.path("rating").asInt()).isEqualTo(want.rating());
			assertThat(review.path("text").asString()).isEqualTo(want.text());
			assertThat(review.path("createdAt").asString()).isEqualTo(want.createdAt());
			assertThat(review.path("reviewer").path("id").asString()).isEqualTo(want.reviewerId().toString());
			assertThat(review.path("reviewer").path("displayName").asString(null))
				.isEqualTo(catalog.displayNameOf(want.reviewerId()));
		}
	}

	private static List<String> ids(JsonNode list) {
		return list.valueStream().map((item) -> item.path("id").asString()).toList();
	}

	private static List<String> reviewIds(List<TestReview> reviews) {
		return reviews.stream().map((review) -> review.id().toString()).toList();
	}

}
