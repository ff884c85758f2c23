package io.meshgate.product;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ServiceHttpClient.entityTag;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating, reading, replacing and deleting products; a change applies only to the
 * version the client read ({@code ETag}/{@code If-Match}).
 */
class ProductCatalogIntegrationTests extends ProductServiceIntegrationTest {

	private static final String CHANGE = """
			{"name": "Pour-Over Kettle 1.2 l", "description": null, "price": 64.9, "currency": "CHF"}
			""";

	@Test
	void createAnswersCreatedWithLocationETagAndTheStoredProduct() {
		HttpResponse<String> response = http().post("/products", writer(), """
				{"name": "Pour-Over Kettle", "description": "Gooseneck, 1 litre.", "price": 59.5, "currency": "EUR"}
				""");

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode product = json(response);
		String id = product.get("id").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(response.headers().firstValue("Location")).hasValue("/products/" + id);
		assertThat(entityTag(response)).isEqualTo("\"0\"");
		assertThat(product.get("name").asString()).isEqualTo("Pour-Over Kettle");
		assertThat(product.get("description").asString()).isEqualTo("Gooseneck, 1 litre.");
		assertThat(response.body()).contains("\"price\":59.50");
		assertThat(product.get("currency").asString()).isEqualTo("EUR");
		assertThat(product.get("version").asLong()).isZero();
		assertThat(product.get("createdAt").asString()).endsWith("Z");
		assertThat(Instant.parse(product.get("updatedAt").asString()))
			.isEqualTo(Instant.parse(product.get("createdAt").asString()));
	}

	@Test
	void createdProductReadsBackWithoutTokenAndWithItsETag() {
		JsonNode created = createProduct("Burr Coffee Grinder", "129.90");

		HttpResponse<String> response = http().get("/products/" + created.get("id").asString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entityTag(response)).isEqualTo("\"0\"");
		assertThat(json(response)).isEqualTo(created);
	}

	@Test
	void unknownProductIsNotFoundProblem() {
		String path = "/products/" + UUID.randomUUID();

		JsonNode problem = assertProblem(http().get(path), 404, path);

		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/product-not-found");
	}

	@Test
	void idThatIsNoUuidIsBadRequest() {
		assertProblem(http().get("/products/not-a-uuid"), 400, "/products/not-a-uuid");
	}

	@Test
	void replaceWithCurrentETagChangesEveryFieldAndReturnsTheNextETag() {
		String path = path(createProduct("Pour-Over Kettle", "59.50"));

		HttpResponse<String> response = http().put(path, writer(), "\"0\"", CHANGE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entityTag(response)).isEqualTo("\"1\"");
		JsonNode product = json(response);
		assertThat(product.get("name").asString()).isEqualTo("Pour-Over Kettle 1.2 l");
		assertThat(product.get("description").isNull()).isTrue();
		assertThat(response.body()).contains("\"price\":64.90");
		assertThat(product.get("currency").asString()).isEqualTo("CHF");
		assertThat(product.get("version").asLong()).isEqualTo(1);
		assertThat(Instant.parse(product.get("updatedAt").asString()))
			.isAfter(Instant.parse(product.get("createdAt").asString()));
		assertThat(json(http().get(path))).isEqualTo(product);
	}

	@Test
	void replaceWithStaleETagFailsWithPreconditionFailedAndChangesNothing() {
		String path = path(createProduct("Pour-Over Kettle", "59.50"));
		http().put(path, writer(), "\"0\"", CHANGE);

		HttpResponse<String> response = http().put(path, writer(), "\"0\"", """
				{"name": "Lost update", "price": 1, "currency": "EUR"}
				""");

		JsonNode problem = assertProblem(response, 412, path);
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/product-changed");
		assertThat(json(http().get(path)).get("name").asString()).isEqualTo("Pour-Over Kettle 1.2 l");
	}

	@Test
	void replaceWithoutIfMatchFailsWithPreconditionRequiredAndChangesNothing() {
		String path = path(createProduct("Pour-Over Kettle", "59.50"));

		HttpResponse<String> response = http().put(path, writer(), null, CHANGE);

		JsonNode problem = assertProblem(response, 428, path);
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/precondition-required");
		assertThat(entityTag(http().get(path))).isEqualTo("\"0\"");
	}

	@Test
	void replaceWithWeakETagFailsWithPreconditionFailed() {
		String path = path(createProduct("Pour-Over Kettle", "59.50"));

		assertProblem(http().put(path, writer(), "W/\"0\"", CHANGE), 412, path);
	}

	@Test
	void replaceWithIfMatchAnyChangesWhateverVersionIsStored() {
		String path = path(createProduct("Pour-Over Kettle", "59.50"));
		http().put(path, writer(), "\"0\"", CHANGE);

		HttpResponse<String> response = http().put(path, writer(), "*", CHANGE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entityTag(response)).isEqualTo("\"2\"");
	}

	@Test
	void replaceOfUnknownProductIsNotFound() {
		String path = "/products/" + UUID.randomUUID();

		assertProblem(http().put(path, writer(), "\"0\"", CHANGE), 404, path);
	}

	@Test
	void ofConcurrentReplacesAtOneVersionExactlyOneSucceeds() throws Exception {
		String path = path(createProduct("Contested Mug", "14.00"));
		int writers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<Integer>> replaces = IntStream.range(0, writers).mapToObj((i) -> pool.submit(() -> {
				start.await();
				return http().put(path, writer(), "\"0\"", """
						{"name": "Mug by writer %d", "price": 14, "currency": "EUR"}
						""".formatted(i)).statusCode();
			})).toList();
			start.countDown();

			List<Integer> statuses = statuses(replaces);

			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status != 200).hasSize(writers - 1).containsOnly(412);
			assertThat(entityTag(http().get(path))).isEqualTo("\"1\"");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void deleteWithCurrentETagRemovesTheProduct() {
		String path = path(createProduct("Ceramic Mug", "14.00"));

		HttpResponse<String> response = http().delete(path, writer(), "\"0\"");

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertProblem(http().get(path), 404, path);
	}

	@Test
	void deleteWithStaleETagFailsWithPreconditionFailedAndKeepsTheProduct() {
		String path = path(createProduct("Ceramic Mug", "14.00"));
		http().put(path, writer(), "\"0\"", CHANGE);

		assertProblem(http().delete(path, writer(), "\"0\""), 412, path);
		assertThat(http().get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void deleteWithoutIfMatchFailsWithPreconditionRequiredAndKeepsTheProduct() {
		String path = path(createProduct("Ceramic Mug", "14.00"));

		assertProblem(http().delete(path, writer(), null), 428, path);
		assertThat(http().get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void deleteOfUnknownProductIsNotFound() {
		String path = "/products/" + UUID.randomUUID();

		assertProblem(http().delete(path, writer(), "\"0\""), 404, path);
	}

	private static String path(JsonNode product) {
		return "/products/" + product.get("id").asString();
	}

	private static List<Integer> statuses(List<Future<Integer>> requests)
			throws InterruptedException, ExecutionException, TimeoutException {
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> request : requests) {
			statuses.add(request.get(30, TimeUnit.SECONDS));
		}
		return statuses;
	}

}
