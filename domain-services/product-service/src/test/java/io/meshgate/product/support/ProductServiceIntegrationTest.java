package io.meshgate.product.support;

import java.net.http.HttpResponse;

import io.meshgate.service.testsupport.ServiceHttpClient;
import io.meshgate.service.testsupport.ServiceIntegrationTest;
import io.meshgate.service.testsupport.TestJwks;
import io.meshgate.service.testsupport.TestPostgres;
import io.meshgate.service.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * product-service on random ports over real HTTP, with a real PostgreSQL and
 * auth-service's keys served by {@link TestJwks}; called as the gateway calls it
 * ({@code /api} already stripped). All test classes extending this share one service and
 * one database, so each test creates the products it looks at and finds them by their ids
 * or by a name no other test uses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ProductServiceIntegrationTest extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
		TestJwks.register(registry);
	}

	/**
	 * A fresh token allowed to change the catalog (signed per call: test tokens live ten
	 * minutes).
	 */
	protected static String writer() {
		return TestTokens.valid().scope("openid products.write").sign();
	}

	/** Creates a product as a writer would and returns it as the service answered. */
	protected JsonNode createProduct(String name, String price) {
		HttpResponse<String> response = http().post("/products", writer(), productJson(name, price));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ServiceHttpClient.json(response);
	}

	protected static String productJson(String name, String price) {
		return """
				{"name": "%s", "description": "Made for a test.", "price": %s, "currency": "EUR"}
				""".formatted(name, price);
	}

}
