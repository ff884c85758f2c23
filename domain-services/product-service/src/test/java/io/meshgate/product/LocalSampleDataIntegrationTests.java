package io.meshgate.product;

import java.util.List;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.ActiveProfiles;

import static io.meshgate.service.testsupport.ServiceHttpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the local profile, as local-platform starts it, the catalog starts with a dozen
 * sample products to browse. "test" comes last so that its random management port wins
 * over the local one.
 */
@ActiveProfiles(profiles = { "local", "test" }, inheritProfiles = false)
class LocalSampleDataIntegrationTests extends ProductServiceIntegrationTest {

	static final String ESPRESSO_MACHINE = "0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0001";

	@Test
	void localProfileServesTheDozenSampleProducts() {
		JsonNode page = json(http().get("/products?size=100&sort=createdAt,asc"));

		assertThat(page.get("totalElements").asLong()).isEqualTo(12);
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(ESPRESSO_MACHINE);
		assertThat(page.get("items").valueStream().map((item) -> item.get("currency").asString())).containsOnly("EUR");
	}

	@Test
	void sampleProductsAreSearchable() {
		JsonNode page = json(http().get("/products?name=coffee"));

		List<String> names = page.get("items").valueStream().map((item) -> item.get("name").asString()).toList();
		assertThat(names).containsExactly("Burr Coffee Grinder", "Ceramic Coffee Mug");
	}

}
