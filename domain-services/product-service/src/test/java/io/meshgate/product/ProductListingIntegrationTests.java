package io.meshgate.product;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ProblemAssertions.fieldsInError;
import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /products}: one page at a time, in a whitelisted order, optionally only the
 * products whose name contains a text. Each test names its products with a marker no
 * other test uses and searches for it, so the shared database does not disturb it.
 */
class ProductListingIntegrationTests extends ProductServiceIntegrationTest {

	private final String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	@Test
	void searchFindsNamesContainingTheTextInAnyCase() {
		createProduct("Espresso Cup " + this.marker, "9.00");
		createProduct(this.marker.toUpperCase() + " Saucer", "4.00");
		createProduct("Plate " + this.marker.substring(0, 8), "12.00");

		JsonNode page = json(http().get("/products?name=" + this.marker.substring(1).toUpperCase()));

		assertThat(names(page)).containsExactly("Espresso Cup " + this.marker, this.marker.toUpperCase() + " Saucer");
		assertThat(page.get("totalElements").asLong()).isEqualTo(2);
	}

	@Test
	void searchTreatsPercentAndUnderscoreAsThemselves() {
		createProduct(this.marker + " 100% cotton", "20.00");
		createProduct(this.marker + " 1000 cotton", "20.00");
		createProduct(this.marker + " a_b", "20.00");
		createProduct(this.marker + " axb", "20.00");

		assertThat(names(json(http().get("/products?name=" + this.marker + "%20100%25"))))
			.containsExactly(this.marker + " 100% cotton");
		assertThat(names(json(http().get("/products?name=" + this.marker + "%20a_b"))))
			.containsExactly(this.marker + " a_b");
	}

	@Test
	void blankSearchTextIsNoFilter() {
		createProduct(this.marker + " Alpha", "1.00");

		long all = json(http().get("/products")).get("totalElements").asLong();

		assertThat(all).isPositive();
		assertThat(json(http().get("/products?name=%20%20")).get("totalElements").asLong()).isEqualTo(all);
	}

	@Test
	void sortsByNameAscendingByDefault() {
		createProduct(this.marker + " Charlie", "1.00");
		createProduct(this.marker + " Alpha", "3.00");
		createProduct(this.marker + " Bravo", "2.00");

		assertThat(names(json(http().get("/products?name=" + this.marker)))).containsExactly(this.marker + " Alpha",
				this.marker + " Bravo", this.marker + " Charlie");
	}

	@Test
	void sortsByPriceDescending() {
		createProduct(this.marker + " Alpha", "5.00");
		createProduct(this.marker + " Bravo", "20.00");
		createProduct(this.marker + " Charlie", "12.50");

		JsonNode page = json(http().get("/products?name=" + this.marker + "&sort=price,desc"));

		assertThat(page.get("items").valueStream().map((item) -> item.get("price").asDouble())).containsExactly(20.0,
				12.5, 5.0);
	}

	@Test
	void sortsByCreationNewestFirst() {
		createProduct(this.marker + " Bravo", "1.00");
		createProduct(this.marker + " Charlie", "1.00");
		createProduct(this.marker + " Alpha", "1.00");

		assertThat(names(json(http().get("/products?name=" + this.marker + "&sort=createdAt,desc"))))
			.containsExactly(this.marker + " Alpha", this.marker + " Charlie", this.marker + " Bravo");
	}

	@Test
	void pagesThroughEveryMatchOnceWithTotals() {
		List<String> created = List.of("A", "B", "C", "D", "E")
			.stream()
			.map((letter) -> createProduct(this.marker + " " + letter, "1.00").get("name").asString())
			.toList();

		JsonNode first = json(http().get("/products?name=" + this.marker + "&page=0&size=2&sort=name,asc"));
		JsonNode second = json(http().get("/products?name=" + this.marker + "&page=1&size=2&sort=name,asc"));
		JsonNode last = json(http().get("/products?name=" + this.marker + "&page=2&size=2&sort=name,asc"));

		assertThat(names(first)).containsExactlyElementsOf(created.subList(0, 2));
		assertThat(names(second)).containsExactlyElementsOf(created.subList(2, 4));
		assertThat(names(last)).containsExactlyElementsOf(created.subList(4, 5));
		assertThat(last.get("page").asInt()).isEqualTo(2);
		assertThat(last.get("size").asInt()).isEqualTo(2);
		assertThat(last.get("totalElements").asLong()).isEqualTo(5);
		assertThat(last.get("totalPages").asLong()).isEqualTo(3);
	}

	@Test
	void pageBeyondTheLastIsEmptyButKeepsTheTotals() {
		createProduct(this.marker + " Alpha", "1.00");

		JsonNode page = json(http().get("/products?name=" + this.marker + "&page=5"));

		assertThat(names(page)).isEmpty();
		assertThat(page.get("totalElements").asLong()).isEqualTo(1);
	}

	// name=%s stands for a search text longer than any name can be.
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "size=101 | size", "size=0 | size", "page=-1 | page",
			"sort=description,asc | sort", "sort=price,sideways | sort", "sort=price,DESC | sort", "name=%s | name" })
	void rejectsParametersOutsideTheirLimitsNamingThem(String query, String field) {
		HttpResponse<String> response = http().get("/products?" + query.formatted("n".repeat(201)));

		assertProblem(response, 400, "/products");
		assertThat(fieldsInError(response)).containsExactly(field);
	}

	private static List<String> names(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("name").asString()).toList();
	}

}
