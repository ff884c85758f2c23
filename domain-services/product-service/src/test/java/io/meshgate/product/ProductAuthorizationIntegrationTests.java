package io.meshgate.product;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import io.meshgate.service.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static io.meshgate.service.testsupport.ProblemAssertions.assertProblem;
import static io.meshgate.service.testsupport.ServiceHttpClient.entityTag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service checks the gateway's rules again (defence in depth): anyone reads the
 * catalog, only a token with scope {@code products.write} changes it.
 */
class ProductAuthorizationIntegrationTests extends ProductServiceIntegrationTest {

	private static final String BODY = productJson("Cast Iron Skillet", "45.00");

	@Test
	void readsNeedNoToken() {
		String path = "/products/" + createProduct("Cast Iron Skillet", "45.00").get("id").asString();

		assertThat(http().get(path).statusCode()).isEqualTo(200);
		assertThat(http().get("/products").statusCode()).isEqualTo(200);
		assertThat(http().head(path).statusCode()).isEqualTo(200);
		assertThat(entityTag(http().head(path))).isEqualTo("\"0\"");
	}

	@Test
	void createWithoutTokenIsUnauthorizedWithBearerChallenge() {
		HttpResponse<String> response = http().post("/products", null, BODY);

		assertProblem(response, 401, "/products");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void createWithExpiredTokenIsUnauthorized() {
		String expired = TestTokens.valid().scope("products.write").expiredSince(Duration.ofMinutes(5)).sign();

		HttpResponse<String> response = http().post("/products", expired, BODY);

		assertProblem(response, 401, "/products");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void createWithoutWriteScopeIsForbidden() {
		assertProblem(http().post("/products", TestTokens.valid().sign(), BODY), 403, "/products");
	}

	@Test
	void scopeMustBeExactlyProductsWrite() {
		String token = TestTokens.valid().scope("products.read products.writer").sign();

		assertProblem(http().post("/products", token, BODY), 403, "/products");
	}

	@Test
	void replaceWithoutTokenIsUnauthorizedAndChangesNothing() {
		String path = "/products/" + createProduct("Cast Iron Skillet", "45.00").get("id").asString();

		assertProblem(http().put(path, null, "\"0\"", productJson("Renamed", "1.00")), 401, path);
		assertThat(entityTag(http().get(path))).isEqualTo("\"0\"");
	}

	@Test
	void replaceWithoutWriteScopeIsForbiddenAndChangesNothing() {
		String path = "/products/" + createProduct("Cast Iron Skillet", "45.00").get("id").asString();

		assertProblem(http().put(path, TestTokens.valid().sign(), "\"0\"", productJson("Renamed", "1.00")), 403, path);
		assertThat(entityTag(http().get(path))).isEqualTo("\"0\"");
	}

	@Test
	void deleteWithoutTokenIsUnauthorizedAndKeepsTheProduct() {
		String path = "/products/" + createProduct("Cast Iron Skillet", "45.00").get("id").asString();

		assertProblem(http().delete(path, null, "\"0\""), 401, path);
		assertThat(http().get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void deleteWithoutWriteScopeIsForbiddenAndKeepsTheProduct() {
		String path = "/products/" + createProduct("Cast Iron Skillet", "45.00").get("id").asString();

		assertProblem(http().delete(path, TestTokens.valid().sign(), "\"0\""), 403, path);
		assertThat(http().get(path).statusCode()).isEqualTo(200);
	}

}
