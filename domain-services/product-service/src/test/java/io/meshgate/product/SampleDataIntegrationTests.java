package io.meshgate.product;

import io.meshgate.product.support.ProductServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample catalog (db/sample) belongs to the local profile: a service started with any
 * other, as in Kubernetes, never shows it.
 */
class SampleDataIntegrationTests extends ProductServiceIntegrationTest {

	@Test
	void sampleProductsAreAbsentOutsideTheLocalProfile() {
		assertThat(get("/products/" + LocalSampleDataIntegrationTests.ESPRESSO_MACHINE).statusCode()).isEqualTo(404);
		assertThat(json(get("/products?name=Espresso%20Machine%20Classic")).get("totalElements").asLong()).isZero();
	}

}
