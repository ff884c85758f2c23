package io.meshgate.product;

import java.net.http.HttpResponse;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ProblemAssertions.fieldsInError;
import static io.meshgate.service.testsupport.ServiceHttpClient.entityTag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a product may be (the product-service contract): invalid input is a 400 problem
 * that names every invalid field, and nothing is stored.
 */
class ProductValidationIntegrationTests extends ProductServiceIntegrationTest {

	@Test
	void createWithInvalidFieldsNamesEachOfThem() {
		HttpResponse<String> response = http().post("/products", writer(), """
				{"name": " ", "description": "%s", "price": -0.01, "currency": "eur"}
				""".formatted("x".repeat(2001)));

		JsonNode problem = assertProblem(response, 400, "/products");
		assertThat(problem.get("type").asString()).isEqualTo("https://meshgate.io/problems/invalid-request");
		assertThat(fieldsInError(response)).containsExactlyInAnyOrder("name", "description", "price", "currency");
	}

	@Test
	void createWithoutRequiredFieldsNamesThem() {
		HttpResponse<String> response = http().post("/products", writer(), "{}");

		assertProblem(response, 400, "/products");
		assertThat(fieldsInError(response)).containsExactlyInAnyOrder("name", "price", "currency");
	}

	@Test
	void priceWithMoreThanTwoDecimalsIsRejected() {
		HttpResponse<String> response = http().post("/products", writer(), productJson("Chef's Knife", "79.005"));

		assertProblem(response, 400, "/products");
		assertThat(fieldsInError(response)).containsExactly("price");
	}

	@Test
	void currencyMustBeAnIso4217Code() {
		HttpResponse<String> response = http().post("/products", writer(), """
				{"name": "Chef's Knife", "price": 79, "currency": "XYZ"}
				""");

		assertProblem(response, 400, "/products");
		assertThat(fieldsInError(response)).containsExactly("currency");
	}

	@Test
	void nameLongerThanTwoHundredCharactersIsRejected() {
		HttpResponse<String> response = http().post("/products", writer(), productJson("n".repeat(201), "1.00"));

		assertProblem(response, 400, "/products");
		assertThat(fieldsInError(response)).containsExactly("name");
	}

	@Test
	void limitsThemselvesAreAccepted() {
		HttpResponse<String> response = http().post("/products", writer(), """
				{"name": "%s", "description": "%s", "price": 0, "currency": "JPY"}
				""".formatted("n".repeat(200), "d".repeat(2000)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(response.body()).contains("\"price\":0.00");
	}

	@Test
	void fieldsAClientCannotSetAreRejected() {
		HttpResponse<String> response = http().post("/products", writer(), """
				{"name": "Chef's Knife", "price": 79, "currency": "EUR", "version": 7}
				""");

		assertProblem(response, 400, "/products");
	}

	@Test
	void bodyThatIsNotJsonIsRejected() {
		HttpResponse<String> response = http().post("/products", writer(), "{\"name\": ");

		assertProblem(response, 400, "/products");
		assertThat(response.body()).doesNotContain("tools.jackson");
	}

	@Test
	void invalidReplaceNamesTheFieldsAndChangesNothing() {
		String path = "/products/" + createProduct("Chef's Knife", "79.00").get("id").asString();

		HttpResponse<String> response = http().put(path, writer(), "\"0\"", """
				{"name": "Chef's Knife", "price": 79, "currency": "euro"}
				""");

		assertProblem(response, 400, path);
		assertThat(fieldsInError(response)).containsExactly("currency");
		assertThat(entityTag(http().get(path))).isEqualTo("\"0\"");
	}

}
