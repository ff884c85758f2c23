package io.meshgate.review;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.meshgate.review.support.ReviewServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ProblemAssertions.fieldsInError;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /reviews} by members, and the public reads: one review, a product's reviews
 * page by page, and the newest reviews of many products at once.
 */
class ReviewApiIntegrationTests extends ReviewServiceIntegrationTest {

	@Test
	void createsReviewOfKnownProductWithLocation() {
		TestTokens member = TestTokens.valid();
		UUID productId = products.addProduct("Teapot");

		HttpResponse<String> response = http().post("/reviews", member.sign(), reviewJson(productId, 4, "Pours well."));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode review = json(response);
		assertThat(response.headers().firstValue("Location")).hasValue("/reviews/" + review.get("id").asString());
		assertThat(review.get("productId").asString()).isEqualTo(productId.toString());
		assertThat(review.get("reviewerId").asString()).isEqualTo(member.subject());
		assertThat(review.get("rating").asInt()).isEqualTo(4);
		assertThat(review.get("text").asString()).isEqualTo("Pours well.");
		assertThat(Instant.parse(review.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
	}

	@Test
	void createdReviewIsReadableWithoutToken() {
		JsonNode created = createReview(TestTokens.valid().sign(), products.addProduct("Kettle"), 5, "Fast.");

		HttpResponse<String> response = http().get("/reviews/" + created.get("id").asString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response)).isEqualTo(created);
	}

	@Test
	void relaysTheCallersTokenToProductService() {
		String token = TestTokens.valid().sign();
		UUID productId = products.addProduct("Cup");

		createReview(token, productId, 3, "Holds tea.");

		assertThat(products.requests()).filteredOn((request) -> request.path().equals("/products/" + productId))
			.singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + token));
	}

	@Test
	void reviewOfUnknownProductIsUnprocessable() {
		UUID unknown = UUID.randomUUID();

		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(),
				reviewJson(unknown, 4, "Hmm."));

		JsonNode problem = assertProblem(response, 422, "/reviews");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/unknown-product");
		assertThat(json(http().get("/reviews?productId=" + unknown)).get("totalElements").asLong()).isZero();
	}

	@Test
	void invalidReviewNamesEachFieldWithoutAskingProductService() {
		int before = products.requests().size();

		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(), """
				{"rating": 6, "text": " "}
				""");

		JsonNode problem = assertProblem(response, 400, "/reviews");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/invalid-request");
		assertThat(fieldsInError(response)).containsExactlyInAnyOrder("productId", "rating", "text");
		assertThat(products.requests()).hasSize(before);
	}

	@Test
	void ratingBelowOneIsInvalid() {
		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(),
				reviewJson(products.addProduct("Spoon"), 0, "Bad."));

		assertProblem(response, 400, "/reviews");
		assertThat(fieldsInError(response)).containsExactly("rating");
	}

	@Test
	void fractionalRatingIsInvalidNotRounded() {
		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(), """
				{"productId": "%s", "rating": 4.5, "text": "Almost."}
				""".formatted(products.addProduct("Fork")));

		assertProblem(response, 400, "/reviews");
	}

	@Test
	void textOf2000CharactersIsAcceptedAnd2001Rejected() {
		String token = TestTokens.valid().sign();
		UUID productId = products.addProduct("Plate");

		assertThat(http().post("/reviews", token, reviewJson(productId, 2, "x".repeat(2000))).statusCode())
			.isEqualTo(201);
		HttpResponse<String> tooLong = http().post("/reviews", token, reviewJson(productId, 2, "x".repeat(2001)));

		assertProblem(tooLong, 400, "/reviews");
		assertThat(fieldsInError(tooLong)).containsExactly("text");
	}

	@Test
	void fieldsAReviewerCannotSetAreRejected() {
		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().sign(), """
				{"productId": "%s", "rating": 5, "text": "Mine.", "reviewerId": "%s"}
				""".formatted(products.addProduct("Bowl"), UUID.randomUUID()));

		assertProblem(response, 400, "/reviews");
	}

	@Test
	void creatingWithoutTokenIsUnauthorized() {
		HttpResponse<String> response = http().post("/reviews", null,
				reviewJson(products.addProduct("Jug"), 5, "Nice."));

		assertProblem(response, 401, "/reviews");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void tokenOfAServiceIsNotAReviewer() {
		HttpResponse<String> response = http().post("/reviews", TestTokens.valid().subject("storefront-service").sign(),
				reviewJson(products.addProduct("Tray"), 5, "Automated."));

		JsonNode problem = assertProblem(response, 403, "/reviews");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/not-a-member");
	}

	@Test
	void unknownReviewIsNotFound() {
		String path = "/reviews/" + UUID.randomUUID();

		JsonNode problem = assertProblem(http().get(path), 404, path);
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/review-not-found");
	}

	@Test
	void listsAProductsReviewsNewestFirstOnePageAtATime() {
		UUID productId = products.addProduct("Saucer");
		createReview(TestTokens.valid().sign(), products.addProduct("Other product"), 1, "Not this one.");
		List<String> created = IntStream.range(0, 5)
			.mapToObj((i) -> createReview(TestTokens.valid().sign(), productId, 3, "Review " + i).get("id").asString())
			.toList();
		List<String> newestFirst = reversed(created);

		JsonNode first = json(http().get("/reviews?productId=" + productId + "&page=0&size=2"));
		JsonNode last = json(http().get("/reviews?productId=" + productId + "&page=2&size=2"));

		assertThat(ids(first.get("items"))).isEqualTo(newestFirst.subList(0, 2));
		assertThat(ids(last.get("items"))).isEqualTo(newestFirst.subList(4, 5));
		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isEqualTo(2);
		assertThat(first.get("totalElements").asLong()).isEqualTo(5);
		assertThat(first.get("totalPages").asLong()).isEqualTo(3);
	}

	@Test
	void listingNeedsAProductId() {
		HttpResponse<String> response = http().get("/reviews");

		assertProblem(response, 400, "/reviews");
	}

	@Test
	void listingRejectsPageSizeAbove100() {
		HttpResponse<String> response = http().get("/reviews?productId=" + UUID.randomUUID() + "&size=101");

		assertProblem(response, 400, "/reviews");
		assertThat(fieldsInError(response)).containsExactly("size");
	}

	@Test
	void byProductAnswersTheNewestReviewsOfEveryProductAsked() {
		UUID busy = products.addProduct("Busy product");
		UUID quiet = products.addProduct("Quiet product");
		UUID none = products.addProduct("Unreviewed product");
		List<String> busyReviews = IntStream.range(0, 4)
			.mapToObj((i) -> createReview(TestTokens.valid().sign(), busy, 4, "Busy " + i).get("id").asString())
			.toList();
		String quietReview = createReview(TestTokens.valid().sign(), quiet, 2, "Quiet").get("id").asString();

		HttpResponse<String> response = http()
			.get("/reviews/by-product?ids=" + none + "," + busy + "," + quiet + "&limit=3");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode byProduct = json(response);
		assertThat(byProduct.propertyNames()).containsExactly(none.toString(), busy.toString(), quiet.toString());
		assertThat(byProduct.get(none.toString()).isEmpty()).isTrue();
		assertThat(ids(byProduct.get(busy.toString()))).isEqualTo(reversed(busyReviews).subList(0, 3));
		assertThat(ids(byProduct.get(quiet.toString()))).containsExactly(quietReview);
		assertThat(byProduct.get(quiet.toString()).get(0).get("productId").asString()).isEqualTo(quiet.toString());
	}

	@Test
	void byProductRejectsMoreThan100Ids() {
		String ids = IntStream.range(0, 101)
			.mapToObj((i) -> UUID.randomUUID().toString())
			.collect(Collectors.joining(","));

		HttpResponse<String> response = http().get("/reviews/by-product?ids=" + ids);

		assertProblem(response, 400, "/reviews/by-product");
		assertThat(fieldsInError(response)).containsExactly("ids");
	}

	@Test
	void byProductRejectsAnIdThatIsNoUuid() {
		assertProblem(http().get("/reviews/by-product?ids=not-a-uuid"), 400, "/reviews/by-product");
	}

	private static List<String> reversed(List<String> oldestFirst) {
		List<String> newestFirst = new ArrayList<>(oldestFirst);
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	private static List<String> ids(JsonNode reviews) {
		return reviews.valueStream().map((review) -> review.get("id").asString()).toList();
	}

}
